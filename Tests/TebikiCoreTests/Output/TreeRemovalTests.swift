import Foundation
import Testing
@testable import TebikiCore

@Suite("Removing a folder Tebiki made")
struct TreeRemovalTests {
    @Test func removesNestedFoldersButNeverFollowsALink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-removal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old")
        let kept = root.appendingPathComponent("kept")
        for folder in ["a/b/c", "d", "e f/g"] {
            try FileManager.default.createDirectory(at: old.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        for file in ["index.html", "a/b/c/index.html", "d/x.md", "e f/g/.hidden"] {
            try Data("x".utf8).write(to: old.appendingPathComponent(file))
        }
        try Data("mine".utf8).write(to: kept.appendingPathComponent("notes.txt"))
        try FileManager.default.createSymbolicLink(atPath: old.appendingPathComponent("link").path, withDestinationPath: kept.path)
        try FileManager.default.createSymbolicLink(atPath: old.appendingPathComponent("a/file-link").path,
                                                   withDestinationPath: kept.appendingPathComponent("notes.txt").path)

        TreeRemoval.remove(old.path)

        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(try String(contentsOf: kept.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func aLinkInPlaceOfTheFolderIsRemovedAloneAndAMissingPathIsNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-removal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let kept = root.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: kept.appendingPathComponent("notes.txt"))
        let link = root.appendingPathComponent("staging")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: kept.path)

        TreeRemoval.remove(link.path)
        TreeRemoval.remove(root.appendingPathComponent("never-there").path)

        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path) == ["notes.txt"])
    }
}
