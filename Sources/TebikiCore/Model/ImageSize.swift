/// An image's intrinsic size in CSS pixels, written as `width` and `height` on its `<img>` so
/// the page keeps the image's room while it loads instead of jumping.
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
