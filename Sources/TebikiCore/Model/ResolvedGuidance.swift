/// An article's tour and hints once the article is parsed: each target checked against the
/// article's headings, numbered steps and images and turned into a CSS selector for its page,
/// step bodies and hint texts rendered from their inline Markdown.
public struct ResolvedGuidance: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var title: String
        public var html: String
        /// Where the step points on the article page.
        public var selector: String?
        public var product: Guidance.ProductTarget?
        public var wait: Double?
    }

    public struct Hint: Sendable, Equatable {
        public var html: String
        public var selector: String?
        public var product: Guidance.ProductTarget?
        public var audience = Guidance.Audience()
    }

    /// An announcement with its texts rendered: `image` and `action` are HTML (an `<img>`, an
    /// `<a>`) whose addresses the widget makes absolute, as in steps and hints.
    public struct Announcement: Sendable, Equatable {
        public var title: String
        public var html: String
        public var image: String?
        public var action: String?
        /// The action starts the article's tour.
        public var startsTour = false
        public var actionLabel: String?
        public var written: Guidance.Announcement
    }

    public var announcements: [Announcement] = []
    public var tourTitle: String?
    public var autostart = false
    public var audience = Guidance.Audience()
    public var steps: [Step] = []
    public var hints: [Hint] = []

    public var isEmpty: Bool { steps.isEmpty && hints.isEmpty && announcements.isEmpty }
}
