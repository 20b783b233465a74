import Foundation
import Testing
@testable import TebikiCore

/// The fast path reads a document exactly as Yams does, marks included, or leaves it to Yams.
@Suite("YAML fast path")
struct YAMLFastPathTests {
    static func yams(_ text: String) -> YAMLNode? {
        (try? YAMLNode.composed(text)) ?? nil
    }

    /// Documents in the shape the fast path reads (true) or leaves to Yams (false).
    static let documents: [(String, Bool)] = [
        ("title: \"Change the admin console\"\ndescription: \"You will receive an email.\"\ncategories: [account]\ntags: [\"language\", \"desktop\"]\nrelated: [account/update-notifications-00404]\ndate: 2023-10-14\n", true),
        ("title: ログインできないとき\ndescription: パスワードを忘れた場合の手順です。\nweight: 10\n", true),
        ("title: 'single quoted'\ndraft: yes\npromoted: true\n", true),
        ("tags:\n  - ログイン\n  - \"二段階認証\"\n  - plain text\ntitle: x\n", true),
        ("tags:\n- a\n- b\n", true),
        ("\n\ntitle: after blank lines\n", true),
        ("title: a:b and C# and 50% and [brackets] and {braces}\n", true),
        ("tags: []\ntitle: \"\"\n", true),
        ("tags: [ a , \"b c\" ,'d' ]\ntitle: 日本語の[括弧]\n", true),
        ("title: trailing spaces   \nurl: https://example.com/a?b=c\n", true),
        ("related: [\"ログイン/手順\", 設定/通知]\n", true),
        ("title: no newline at the end", true),
        ("title: x # a comment\n", false),
        ("# a comment\ntitle: x\n", false),
        ("title: \"escaped \\\" quote\"\n", false),
        ("title: 'it''s'\n", false),
        ("title:\n", false),
        ("title: \n", false),
        ("description:\n  A text over\n  two lines\n", false),
        ("title: a\n  continued\n", false),
        ("title: a: b\n", false),
        ("title: &anchor x\nother: *anchor\n", false),
        ("title: !tag x\n", false),
        ("title: |\n  literal\n", false),
        ("title: >\n  folded\n", false),
        ("feedback:\n  enabled: true\n", false),
        ("title: x\ntitle: y\n", false),
        ("title: [a, ]\n", false),
        ("title: [a,, b]\n", false),
        ("title: [a, [b]]\n", false),
        ("title: [a: b]\n", false),
        ("title: \"x\" y\n", false),
        ("title:\tx\n", false),
        ("title: x\r\n", false),
        ("title: x\u{2028}y\n", false),
        ("title: \u{FEFF}x\n", false),
        ("- a\n- b\n", false),
        ("  title: indented\n", false),
        ("-x: 1\n", false),
        ("tags:\n  - a\n    - b\n", false),
        ("tags:\n  - a\n   - b\n", false),
        ("tags:\n  - [a]\n", false),
        ("tags:\n  - a\n  more: x\n", false),
        ("{title: flow}\n", false),
        ("---\ntitle: x\n", false),
        ("", false),
        ("   \n", false),
    ]

    @Test(arguments: 0..<documents.count)
    func readsADocumentAsYamsDoesOrLeavesItToYams(index: Int) {
        let (text, simple) = Self.documents[index]
        let fast = YAMLFastPath.mapping(text)
        #expect((fast != nil) == simple, "\(text.debugDescription)")
        if let fast { #expect(fast == Self.yams(text), "\(text.debugDescription)") }
    }

    /// Every front matter of the fixtures, the sample and the VitePress corpus, and the site
    /// configs: whatever the fast path reads, Yams reads the same.
    @Test func everyFrontMatterAndConfigOfTheRepositoryReadsAsYamsReadsIt() throws {
        let roots = [TestSites.fixtures, TestSites.repositoryRoot.appendingPathComponent("Articles"),
                     TestSites.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/vite-docs-ja")]
        var read = 0, compared = 0
        for root in roots {
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where ["md", "yml"].contains(url.pathExtension) {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let yaml = url.pathExtension == "yml" ? text : FrontMatterSplit(text).yaml
                guard let yaml else { continue }
                compared += 1
                if let fast = YAMLFastPath.mapping(yaml) {
                    read += 1
                    #expect(fast == Self.yams(yaml), "\(url.path)")
                }
            }
        }
        #expect(compared > 100)
        // Most articles are in the simple shape; if none were, the fast path would not be used.
        #expect(read > compared / 3)
    }

    /// Documents of the simple shape with characters that matter to YAML put in, taken out or
    /// changed at random (a fixed seed, so a failure repeats): whatever the fast path still
    /// reads, Yams reads the same.
    @Test func mutatedDocumentsReadAsYamsReadsThem() {
        var random = SeededRandom(seed: 20_261_207)
        let alphabet = Array(" \n\t:-#[]{},'\"&*!|>%@`?\\~あ漢é\u{301}0aZ_.\r")
        let seeds = Self.documents.filter(\.1).map { Array($0.0) }
        var read = 0
        for round in 0..<20_000 {
            var text = seeds[round % seeds.count]
            for _ in 0...random.next(below: 3) {
                let position = random.next(below: text.count + 1)
                switch random.next(below: 3) {
                case 0: text.insert(alphabet[random.next(below: alphabet.count)], at: position)
                case 1: if position < text.count { text.remove(at: position) }
                default: if position < text.count { text[position] = alphabet[random.next(below: alphabet.count)] }
                }
            }
            let document = String(text)
            guard let fast = YAMLFastPath.mapping(document) else { continue }
            read += 1
            #expect(fast == Self.yams(document), "\(document.debugDescription)")
        }
        #expect(read > 1_000)
    }
}

/// xorshift64*: the same numbers on every run.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next(below bound: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 2_685_821_657_736_338_717) >> 33) % bound
    }
}
