import Testing
@testable import TebikiCore

@Suite("Which images a social card may show")
struct CardImageTests {
    @Test(arguments: [
        ("../images/screen.png", true), ("shot.JPG", true), ("a.jpeg?v=2", true), ("https://cdn.example/p.webp?x=a.svg", true),
        ("anim.gif", true), ("diagram.svg", false), ("photo.png.", false), ("png", false), ("folder.png/readme", false),
        ("", false), ("?a.png", false), ("写真.png", true), ("a.tiff", false),
    ])
    func rasterExtensionsOnly(destination: String, shown: Bool) {
        #expect(PageRenderer.isCardImage(destination) == shown, "\(destination)")
    }
}
