import Testing
@testable import TebikiCore

@Suite("VitePress heading ids")
struct VitePressHeadingIDTests {
    @Test(arguments: [
        ("build.target", "build-target"),
        ("server.host", "server-host"),
        ("Content Security Policy (CSP)", "content-security-policy-csp"),
        ("3. Step three", "_3-step-three"),
        ("Café au lait", "cafe-au-lait"),
        ("ログイン方法", "ログイン方法"),
        ("`defineConfig` の使い方", "defineconfig-の使い方"),
        ("--mode  and  --base", "mode-and-base"),
    ])
    func headingsGetTheIDsVitePressGivesThem(text: String, id: String) {
        #expect(VitePressHeadingID.id(text) == id)
    }
}
