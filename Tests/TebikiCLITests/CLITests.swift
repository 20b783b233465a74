import Foundation
import Testing

/// Runs the real `tebiki` binary, as a writer would, and checks exit codes and output.
@Suite("tebiki command line")
struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside this test bundle.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tebiki")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/tebiki")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func tebiki(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func buildsTheSampleHelpCentreWithProgressAndASummary() throws {
        let output = try temporaryFolder().appendingPathComponent("_site")
        let run = try tebiki(["build", "--source", Self.repository.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(5)) == ["[1/5] Loading articles", "[2/5] Parsing Markdown", "[3/5] Checking links",
                                            "[4/5] Rendering pages", "[5/5] Publishing"])
        #expect(lines.last?.range(of: #"^Built 16 articles, \d+ pages, 0 warning\(s\) in [0-9.]+ s → "#, options: .regularExpression) != nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("login/login/index.html").path))
    }

    @Test func buildIsTheDefaultCommandAndWritesToSiteInTheSourceFolder() throws {
        let site = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/basic/Articles"),
                                         to: site.appendingPathComponent("Articles"))
        let run = try tebiki(["--quiet"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("_site/index.html").path))
    }

    @Test func invalidContentExitsWithOneAndEveryDiagnosticOnStandardError() throws {
        let fixture = Self.repository.appendingPathComponent("Tests/Fixtures/invalid-content")
        let output = try temporaryFolder().appendingPathComponent("_site")
        let run = try tebiki(["build", "--quiet", "--source", fixture.path, "--output", output.path])
        #expect(run.status == 1)
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
        #expect(run.stderr == expected + "build failed with 17 error(s); the previous output was left as it was\n")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func baseURLOptionSetsCanonicalLinksAndTheSitemap() throws {
        let output = try temporaryFolder().appendingPathComponent("_site")
        let run = try tebiki(["build", "--quiet", "--source", Self.repository.path, "--output", output.path,
                              "--base-url", "https://help.example.jp/kintone"])
        #expect(run.status == 0, "\(run.stderr)")
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://help.example.jp/kintone/login/login/</loc>"))
    }

    @Test func draftsFlagPublishesDrafts() throws {
        let fixture = Self.repository.appendingPathComponent("Tests/Fixtures/basic")
        let output = try temporaryFolder().appendingPathComponent("_site")
        let run = try tebiki(["build", "--quiet", "--drafts", "--source", fixture.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("getting-started/draft-notes/index.html").path))
    }

    @Test func helpAndVersion() throws {
        let help = try tebiki(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: tebiki <subcommand>"))
        #expect(help.stdout.contains("build"))
        let version = try tebiki(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func unknownOptionIsAUsageError() throws {
        let run = try tebiki(["build", "--colour"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Unknown option '--colour'"))
    }
}
