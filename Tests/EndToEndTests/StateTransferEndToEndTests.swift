import Foundation
import Testing
import FolioCore

/// `folio export` and `folio import` run as a person would: state moved to a
/// fresh database, merged, replaced, and a bad file refused without changes.
@Suite(.serialized)
struct StateTransferEndToEndTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-transfer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static func id(_ s: String) -> ArticleIdentity { ArticleIdentity(rawValue: s) }

    /// Runs folio; its output, error output, and whether it exited with 0.
    func folio(_ arguments: [String]) -> (out: String, err: String, ok: Bool) {
        let errors = path("stderr-\(UUID().uuidString)")
        defer { unlink(errors); unlink(errors + ".status") }
        let out = Shell.run(["sh", "-c", "\"$@\" 2>\"$0\"; echo $? >\"$0.status\"", errors, TmuxSession.folioBinary] + arguments) ?? ""
        let err = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let status = (try? String(contentsOfFile: errors + ".status", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return (out, err, status == "0")
    }

    func filledState(_ name: String) throws -> StateStore {
        let store = try StateStore(path: path(name))
        try store.save(.read(true, [Self.id("url:https://example.org/a"), Self.id("sha256:00ff")]))
        try store.save(.starred(true, [Self.id("url:https://example.org/a")]))
        try store.save(.archived(true, [Self.id("sha256:00ff")]))
        try store.save(.tag("energy", added: true, [Self.id("url:https://example.org/a")]))
        try store.save(.position(0.42, Self.id("url:https://example.org/b")))
        return store
    }

    @Test func exportThenImportIntoAnEmptyDatabase() throws {
        let source = try filledState("source.sqlite")
        let exported = folio(["export", "--state", path("source.sqlite"), "-o", path("state.json")])
        #expect(exported.ok && exported.out.isEmpty && exported.err.isEmpty, "\(exported)")
        let text = try String(contentsOfFile: path("state.json"), encoding: .utf8)
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["folio"] as? Int == 1)
        #expect((json["articles"] as? [String: Any])?.count == 3)
        // Standard output gets the same export (but for the time it was written).
        let stdout = folio(["export", "--state", path("source.sqlite")])
        #expect(stdout.ok)
        #expect(try StateExport.parse(Data(stdout.out.utf8)).articles == (try StateExport.parse(Data(text.utf8)).articles))

        let imported = folio(["import", path("state.json"), "--state", path("target.sqlite")])
        #expect(imported.ok, "\(imported)")
        #expect(imported.out == "Imported 3 articles (3 new, 0 updated, 0 unchanged).\n")
        #expect(try StateStore(path: path("target.sqlite")).states() == (try source.states()))
    }

    @Test func importMergesByDefaultAndReplacesWhenAsked() throws {
        _ = try filledState("source.sqlite")
        #expect(folio(["export", "--state", path("source.sqlite"), "-o", path("state.json")]).ok)
        let target = try StateStore(path: path("target.sqlite"))
        try target.save(.read(true, [Self.id("only-here")]))
        try target.save(.tag("mine", added: true, [Self.id("url:https://example.org/a")]))

        let merged = folio(["import", path("state.json"), "--state", path("target.sqlite")])
        #expect(merged.out == "Imported 3 articles (2 new, 1 updated, 0 unchanged).\n", "\(merged)")
        var states = try target.states()
        #expect(states[Self.id("only-here")] == ArticleState(isRead: true))
        #expect(states[Self.id("url:https://example.org/a")] == ArticleState(isRead: true, isStarred: true, tags: ["energy", "mine"]))

        let replaced = folio(["import", "--replace", path("state.json"), "--state", path("target.sqlite")])
        #expect(replaced.out == "Imported 3 articles (0 new, 1 updated, 2 unchanged, 1 removed).\n", "\(replaced)")
        states = try target.states()
        #expect(states == (try StateStore(path: path("source.sqlite")).states()))
    }

    @Test func importReadsStandardInput() throws {
        _ = try filledState("source.sqlite")
        let piped = Shell.run(["sh", "-c", "\"$0\" export --state \"$1\" | \"$0\" import - --state \"$2\"",
                               TmuxSession.folioBinary, path("source.sqlite"), path("target.sqlite")])
        #expect(piped == "Imported 3 articles (3 new, 0 updated, 0 unchanged).\n")
    }

    @Test func aMalformedFileChangesNothingAndSaysWhy() throws {
        let target = try filledState("target.sqlite")
        let before = try target.states()
        try #"{"folio": 1, "articles": {"x": {"read": true}, "y": {"read": tru"#.write(toFile: path("broken.json"), atomically: true, encoding: .utf8)
        let result = folio(["import", "--replace", path("broken.json"), "--state", path("target.sqlite")])
        #expect(!result.ok)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("folio: \(path("broken.json")): not valid JSON ("), "\(result.err)")
        #expect(result.err.hasSuffix("; nothing was imported\n"))
        #expect(try target.states() == before)

        try #"{"folio": 1, "articles": {"x": {"read": true}, "y": {"position": -1}}}"#.write(toFile: path("invalid.json"), atomically: true, encoding: .utf8)
        let invalid = folio(["import", path("invalid.json"), "--state", path("target.sqlite")])
        #expect(!invalid.ok)
        #expect(invalid.err == "folio: \(path("invalid.json")): articles[\"y\"].position: expected a number from 0 to 1, found -1.0; nothing was imported\n")
        #expect(try target.states() == before)
    }

    @Test func aFileFromANewerFolioIsRefused() throws {
        try #"{"folio": 2, "articles": {}}"#.write(toFile: path("newer.json"), atomically: true, encoding: .utf8)
        let result = folio(["import", path("newer.json"), "--state", path("target.sqlite")])
        #expect(!result.ok)
        #expect(result.err == "folio: \(path("newer.json")): written by a newer folio (export format 2; this folio reads format 1); upgrade folio to import it; nothing was imported\n")
    }

    @Test func missingFilesAreReported() throws {
        let noState = folio(["export", "--state", path("missing.sqlite")])
        #expect(!noState.ok)
        #expect(noState.err.contains("no state database at \(path("missing.sqlite"))"))
        #expect(!FileManager.default.fileExists(atPath: path("missing.sqlite")))  // not created by exporting
        let noFile = folio(["import", path("missing.json"), "--state", path("target.sqlite")])
        #expect(!noFile.ok)
        #expect(noFile.err == "folio: \(path("missing.json")): no such file\n")
    }
}
