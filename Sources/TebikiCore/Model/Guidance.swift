import Foundation
/// The guided tour and hints a writer puts in an article's front matter (`tour:`, `hints:`), as
/// written: the targets are checked against the article once it is parsed.
public struct Guidance: Sendable, Equatable {
    public var tour: Tour?
    public var hints: [Hint] = []
    /// Pop-ups and banners shown in the product (`announcements:`).
    public var announcements: [Announcement] = []

    public var isEmpty: Bool { tour == nil && hints.isEmpty && announcements.isEmpty }

    /// A message shown in the product on the screens `url` matches, between `from` and `until`.
    public struct Announcement: Sendable, Equatable {
        public enum Style: String, Sendable { case modal, banner }
        public enum Action: Sendable, Equatable {
            /// An article (a relative `.md` path, checked like a link) or a URL, with the button's label.
            case link(String, label: String?)
            /// The article's own tour.
            case tour(label: String?)
        }
        public var title: String
        /// Inline Markdown.
        public var body: String
        public var image: String?
        public var action: Action?
        public var url: String
        /// A date alone (`2026-12-01`) is the whole day in the site's `timeZone`.
        public var from: WrittenDate?
        public var until: WrittenDate?
        /// Shown once per reader (the default), or until the reader closes it.
        public var once = true
        public var style = Style.modal
        public var audience = Audience()
        public var position: SourceLocation
        public var bodyPosition: SourceLocation
    }

    /// A date as written: a day alone, or a moment.
    public enum WrittenDate: Sendable, Equatable {
        case day(year: Int, month: Int, day: Int)
        case moment(Date)
    }

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
        /// Where the selector is written, for `tebiki check --product`.
        public var selectorLocation = SourceLocation("")
        /// The address of the step's screen, for a "go to the next screen" link when a tour
        /// reaches it from another screen.
        public var open: String?

        public static func == (a: Self, b: Self) -> Bool { a.url == b.url && a.selector == b.selector }
    }
}
