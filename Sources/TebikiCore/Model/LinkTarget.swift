/// Where a link or image written in an article points.
public enum LinkTarget: Sendable, Equatable {
    /// Another article (by id), optionally a heading in it.
    case article(id: String, fragment: String?)
    /// A heading in the same article.
    case fragment(String)
    /// A category's or section's page, by its folder (`admin`, `admin/users`); its
    /// introduction may have the heading a fragment names. An empty id is the home page.
    case category(id: String, fragment: String?)
    /// A file under `Articles/` (an image, a PDF…), by its path there.
    case asset(path: String)
    /// Outside the site (http, https, mailto, tel); left as written.
    case external
    /// A scheme that could run code or read local files (`javascript:`, `data:`…); never a link.
    case unsafe(scheme: String)
    /// An article left out by its publishing dates (by id); shown as plain text until it is published.
    case unpublished(id: String, reason: String)
    /// Looks like a link into the site but nothing is there.
    case missing(String)
}
