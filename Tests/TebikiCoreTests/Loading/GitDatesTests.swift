import Foundation
import Testing
@testable import TebikiCore

/// Last-changed dates from a real repository, made by the test, and none outside one.
@Suite("Dates from git")
struct GitDatesTests {
    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "T",
            "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_COMMITTER_DATE": "2026-03-04T05:06:07Z",
            "GIT_AUTHOR_DATE": "2026-03-04T05:06:07Z",
        ]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func datesComeFromTheRepositoryAlsoThroughALinkFromOutsideIt() throws {
        let repository = try TestSites.temporaryFolder()
        let articles = repository.appendingPathComponent("site/Articles/start")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try "# Hello\n".write(to: articles.appendingPathComponent("hello.md"), atomically: true, encoding: .utf8)
        #expect(try git(["init", "-q"], in: repository) == 0)
        #expect(try git(["add", "."], in: repository) == 0)
        #expect(try git(["commit", "-q", "-m", "first"], in: repository) == 0)

        let expected = ["start/hello.md": Date(timeIntervalSince1970: 1_772_600_767)]
        let folder = articles.deletingLastPathComponent()
        #expect(GitDates.mayBeInRepository(folder))
        #expect(GitDates.start(articlesFolder: folder).dates() == expected)

        // Git resolves the link and finds the repository above where it leads.
        let outside = try TestSites.temporaryFolder()
        let link = outside.appendingPathComponent("Articles")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        #expect(GitDates.mayBeInRepository(link))
        #expect(GitDates.start(articlesFolder: link).dates() == expected)
    }

    @Test func outsideARepositoryTheCheckAgreesWithGitAndThereAreNoDates() throws {
        let folder = try TestSites.temporaryFolder().appendingPathComponent("Articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // What git itself says decides what the check must say.
        let inRepository = try git(["rev-parse", "--git-dir"], in: folder) == 0
        #expect(GitDates.mayBeInRepository(folder) == inRepository)
        if !inRepository { #expect(GitDates.start(articlesFolder: folder).dates().isEmpty) }
    }
}
