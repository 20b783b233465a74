/// The guided tour and hints a writer puts in an article's front matter (`tour:`, `hints:`), as
/// written: the targets are checked against the article once it is parsed.
public struct Guidance: Sendable, Equatable {
    public var tour: Tour?
    public var hints: [Hint] = []

    public var isEmpty: Bool { tour == nil && hints.isEmpty }

    public struct Tour: Sendable, Equatable {
        public var title: String?
        /// In the product: start the tour by itself, once per reader, on the first page it fits.
        public var autostart = false
        public var steps: [Step]
        /// Who sees it in the product (`audience: {role: [admin]}`); empty means everyone.
        public var audience = Audience()
    }

    /// Readers a tour or hint is for, by what the product says of them (`data-user-role`, …):
    /// for each key, the values that qualify. A reader qualifies when every key matches.
    public struct Audience: Sendable, Equatable {
        public var values: [String: [String]] = [:]
        /// The keys a product can tell the widget (`data-user-<key>`, `tebiki.identify({<key>: …})`).
        public static let keys = ["role", "plan", "segment"]
    }

    public struct Step: Sendable, Equatable {
        public var title: String
        /// Inline Markdown.
        public var body: String
        public var page: PageTarget?
        public var product: ProductTarget?
        public var position: SourceLocation
        /// Where the body's text starts: a broken link in it is reported there.
        public var bodyPosition: SourceLocation
        /// How long the widget waits for the step's target to appear, in seconds, before skipping it.
        public var wait: Double?
    }

    public struct Hint: Sendable, Equatable {
        /// Inline Markdown.
        public var text: String
        public var page: PageTarget?
        public var product: ProductTarget?
        public var position: SourceLocation
        public var textPosition: SourceLocation
        public var audience = Audience()
    }

    /// What a step or hint points at on the article's own page.
    public enum PageTarget: Sendable, Equatable {
        /// A heading, by its id.
        case heading(String, SourceLocation)
        /// The n-th numbered step of the article, counted through its numbered lists.
        case step(Int, SourceLocation)
        /// An image of the article, named as the Markdown names it.
        case image(String, SourceLocation)
    }

    /// What a step or hint points at in the product: an element on the pages whose address matches.
    public struct ProductTarget: Sendable, Equatable {
        /// A path pattern (`/login`, `/k/*`) or a whole URL pattern (`https://*.example.com/login*`);
        /// `*` stands for any characters.
        public var url: String
        public var selector: String
    }
}
