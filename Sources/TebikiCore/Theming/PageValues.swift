/// What one page's template is filled with: the template's name, the page's language (whose
/// words the template has folded in) and the values, whose names `PageFields` lists.
public struct PageValues: Sendable {
    public var template: String
    public var language: String
    public var values: MustacheObject
}
