import Foundation
import GRDB
import Testing
@testable import FolioCore

/// `folio export` / `folio import`: all state as JSON keyed by identity, merged
/// (union) or replaced in one transaction, and a bad file changes nothing.
struct StateTransferTests {
    static func id(_ s: String) -> ArticleIdentity { ArticleIdentity(rawValue: s) }

    /// A database with every kind of state, including an article marked and
    /// unmarked again and one that only has a tag.
    static func filledStore(_ path: String) throws -> StateStore {
        let store = try StateStore(path: path)
        try store.save(.read(true, [id("url:https://example.org/a"), id("sha256:00ff")]))
        try store.save(.starred(true, [id("url:https://example.org/a")]))
        try store.save(.archived(true, [id("sha256:00ff")]))
        try store.save(.tag("energy", added: true, [id("url:https://example.org/a"), id("sha256:tagonly")]))
        try store.save(.tag("climate", added: true, [id("url:https://example.org/a")]))
        try store.save(.position(0.42, id("url:https://example.org/b?x=\"1\"")))
        try store.save(.read(true, [id("url:https://例え.jp/記事")]))
        try store.save(.read(false, [id("url:https://例え.jp/記事")]))
        return store
    }

    @Test func roundTripThroughJSONIntoAnEmptyDatabase() throws {
        let temp = try TempFolder()
        let source = try Self.filledStore(temp.path + "/source.sqlite")
        let data = try source.exportAll().jsonData()
        let parsed = try StateExport.parse(data)
        #expect(parsed.articles == (try source.states()))

        for mode in [ImportMode.merge, .replace] {
            let target = try StateStore(path: temp.path + "/target-\(mode).sqlite")
            let summary = try target.importAll(parsed, mode: mode)
            #expect(summary == ImportSummary(added: 5))
            #expect(try target.states() == (try source.states()))
            // And the second export is the same text.
            #expect(try target.exportAll(at: parsed.exported!).jsonData() == data)
        }
    }

    @Test func jsonIsSortedAndStable() throws {
        let export = StateExport(articles: [
            Self.id("url:https://example.org/z"): ArticleState(isRead: true, tags: ["b", "a", "b"]),
            Self.id("sha256:01"): ArticleState(isStarred: true, isArchived: true, position: 0.25),
        ], exported: utc(2026, 11, 29, 10, 0, 0))
        let text = String(decoding: export.jsonData(), as: UTF8.self)
        #expect(text == """
            {
              "articles": {
                "sha256:01": {"archived": true, "position": 0.25, "read": false, "starred": true, "tags": []},
                "url:https://example.org/z": {"archived": false, "position": 0, "read": true, "starred": false, "tags": ["a", "b"]}
              },
              "exported": "2026-11-29T10:00:00Z",
              "folio": 1
            }

            """)
        let empty = String(decoding: StateExport(articles: [:]).jsonData(), as: UTF8.self)
        #expect(empty == "{\n  \"articles\": {},\n  \"folio\": 1\n}\n")
        #expect(try StateExport.parse(Data(empty.utf8)) == StateExport(articles: [:]))
        #expect(export.jsonData() == export.jsonData())
    }

    @Test func awkwardIdentitiesAndTagsSurviveTheRoundTrip() throws {
        let export = StateExport(articles: [
            Self.id("url:https://example.org/a?q=\"x\"&b=\\"): ArticleState(isRead: true, tags: ["tab\there", "new\nline", "\u{1}", "ünï 東京 🚲"]),
            Self.id("sha256:ff"): ArticleState(position: 1.0 / 3),
            Self.id("url:https://example.org/b"): ArticleState(position: 1e-7),
        ], exported: utc(2026, 1, 2, 3, 4, 5))
        let parsed = try StateExport.parse(export.jsonData())
        #expect(parsed == export)
        #expect(try JSONSerialization.jsonObject(with: export.jsonData()) is [String: Any])
    }

    @Test func mergeTakesTheUnionOfMarksAndTagsAndTheFurtherPosition() throws {
        let temp = try TempFolder()
        let store = try StateStore(path: temp.path + "/state.sqlite")
        try store.save(.read(true, [Self.id("both")]))
        try store.save(.tag("mine", added: true, [Self.id("both")]))
        try store.save(.position(0.2, Self.id("both")))
        try store.save(.starred(true, [Self.id("same")]))
        try store.save(.archived(true, [Self.id("only-here")]))
        let file = StateExport(articles: [
            Self.id("both"): ArticleState(isRead: false, isStarred: true, position: 0.1, tags: ["theirs", "mine"]),
            Self.id("same"): ArticleState(isStarred: true),
            Self.id("only-there"): ArticleState(isRead: true, tags: ["x"]),
        ])
        let summary = try store.importAll(file, mode: .merge)
        #expect(summary == ImportSummary(added: 1, updated: 1, unchanged: 1, removed: 0))
        let states = try store.states()
        #expect(states == [
            Self.id("both"): ArticleState(isRead: true, isStarred: true, position: 0.2, tags: ["mine", "theirs"]),
            Self.id("same"): ArticleState(isStarred: true),
            Self.id("only-here"): ArticleState(isArchived: true),
            Self.id("only-there"): ArticleState(isRead: true, tags: ["x"]),
        ])
        // Merging the same file again changes nothing.
        #expect(try store.importAll(file, mode: .merge) == ImportSummary(unchanged: 3))
        #expect(try store.states() == states)
    }

    @Test func mergingTwoMachinesEitherWayRoundGivesTheSameState() throws {
        let temp = try TempFolder()
        let laptop = try StateStore(path: temp.path + "/laptop.sqlite")
        let server = try StateStore(path: temp.path + "/server.sqlite")
        try laptop.save(.read(true, [Self.id("a"), Self.id("b")]))
        try laptop.save(.tag("t1", added: true, [Self.id("a")]))
        try laptop.save(.position(0.9, Self.id("c")))
        try server.save(.starred(true, [Self.id("a"), Self.id("c")]))
        try server.save(.tag("t2", added: true, [Self.id("a")]))
        try server.save(.position(0.3, Self.id("c")))
        let fromLaptop = try laptop.exportAll()
        let fromServer = try server.exportAll()
        try laptop.importAll(fromServer, mode: .merge)
        try server.importAll(fromLaptop, mode: .merge)
        #expect(try laptop.states() == (try server.states()))
        #expect(try laptop.states()[Self.id("a")] == ArticleState(isRead: true, isStarred: true, tags: ["t1", "t2"]))
        #expect(try laptop.states()[Self.id("c")] == ArticleState(isStarred: true, position: 0.9))
    }

    @Test func mergeRuleAsAFunction() {
        let a = ArticleState(isRead: true, position: 0.5, tags: ["x"])
        let b = ArticleState(isStarred: true, isArchived: true, position: 0.7, tags: ["y", "x"])
        #expect(a.merged(with: b) == ArticleState(isRead: true, isStarred: true, isArchived: true, position: 0.7, tags: ["x", "y"]))
        #expect(a.merged(with: b) == b.merged(with: a))
        #expect(a.merged(with: a) == a)
        #expect(a.merged(with: ArticleState()) == a)
    }

    @Test func replaceMakesTheDatabaseEqualToTheFile() throws {
        let temp = try TempFolder()
        let store = try Self.filledStore(temp.path + "/state.sqlite")
        try store.setSetting("sort", "title")
        let file = StateExport(articles: [
            Self.id("url:https://example.org/a"): ArticleState(isRead: false, isStarred: true, tags: ["energy"]),  // read and a tag taken back
            Self.id("sha256:00ff"): ArticleState(isRead: true, isArchived: true),  // as it is
            Self.id("new"): ArticleState(position: 1),
        ])
        let summary = try store.importAll(file, mode: .replace)
        #expect(summary == ImportSummary(added: 1, updated: 1, unchanged: 1, removed: 3))
        #expect(try store.states() == file.articles)
        #expect(try store.readIdentities() == [Self.id("sha256:00ff")])
        #expect(store.setting("sort") == "title")  // settings are not article state
        // Replacing with an empty file forgets everything.
        #expect(try store.importAll(StateExport(articles: [:]), mode: .replace) == ImportSummary(removed: 3))
        #expect(try store.states().isEmpty)
    }

    @Test func unchangedArticlesKeepTheirChangeTime() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let store = try StateStore(path: path)
        try store.save(.read(true, [Self.id("a")]))
        let queue = try DatabaseQueue(path: path)
        let before = try queue.read { db in try Double.fetchOne(db, sql: "SELECT updated_at FROM article_state WHERE identity = 'a'") }
        usleep(20_000)
        try store.importAll(StateExport(articles: [Self.id("a"): ArticleState(isRead: true)]), mode: .replace)
        let after = try queue.read { db in try Double.fetchOne(db, sql: "SELECT updated_at FROM article_state WHERE identity = 'a'") }
        #expect(before == after)
    }

    // MARK: - Files that are refused

    static let valid = #"{"folio": 1, "exported": "2026-11-29T10:00:00Z", "articles": {"a": {"read": true}}}"#

    @Test func aPartialEntryMeansFalseZeroAndNoTags() throws {
        let export = try StateExport.parse(Data(Self.valid.utf8))
        #expect(export.articles == [Self.id("a"): ArticleState(isRead: true)])
        #expect(export.exported == utc(2026, 11, 29, 10, 0, 0))
        #expect(try StateExport.parse(Data(#"{"folio": 1, "articles": {}}"#.utf8)).articles.isEmpty)
    }

    @Test func malformedJSONIsRefusedWithWhereItBreaks() throws {
        let broken = "{\"folio\": 1,\n  \"articles\": {\"a\": {\"read\": tru}}}"
        let error = #expect(throws: StateTransferError.self) { try StateExport.parse(Data(broken.utf8)) }
        guard case .notJSON(let detail) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(detail.contains("line 2"), "\(detail)")
        #expect(error?.description.hasPrefix("not valid JSON") == true)
        #expect(throws: StateTransferError.self) { try StateExport.parse(Data(Self.valid.dropLast(5).utf8)) }
        #expect(throws: StateTransferError.self) { try StateExport.parse(Data()) }
    }

    @Test func aMalformedFileChangesNothing() throws {
        let temp = try TempFolder()
        let store = try Self.filledStore(temp.path + "/state.sqlite")
        let before = try store.states()
        // Valid JSON up to the third article, whose position is out of range.
        let text = #"{"folio": 1, "articles": {"a": {"read": true}, "b": {"starred": true}, "c": {"position": 2}}}"#
        let error = #expect(throws: StateTransferError.invalid(field: #"articles["c"].position"#, problem: "expected a number from 0 to 1, found 2.0")) {
            let export = try StateExport.parse(Data(text.utf8))
            try store.importAll(export, mode: .replace)
        }
        #expect(error?.description == #"articles["c"].position: expected a number from 0 to 1, found 2.0"#)
        #expect(try store.states() == before)
    }

    @Test func aFailedWriteRollsBackTheWholeImport() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let store = try Self.filledStore(path)
        let before = try store.states()
        // Make the database refuse one article, the last one written.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON article_state WHEN NEW.identity = 'zzz' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        var articles = [Self.id("zzz"): ArticleState(isRead: true)]
        for i in 0..<50 { articles[Self.id("a\(i)")] = ArticleState(isStarred: true) }
        #expect(throws: StateFailure.self) { try store.importAll(StateExport(articles: articles), mode: .replace) }
        #expect(try store.states() == before)
    }

    @Test func aNewerFormatIsRefused() throws {
        let text = #"{"folio": 2, "articles": {"a": {"read": "yes", "colour": "red"}}}"#
        let error = #expect(throws: StateTransferError.newerFormat(2)) { try StateExport.parse(Data(text.utf8)) }
        #expect(error?.description == "written by a newer folio (export format 2; this folio reads format 1); upgrade folio to import it")
    }

    @Test(arguments: [
        Named("array", "[1, 2]"),
        Named("no format number", #"{"articles": {}}"#),
        Named("a string", #""folio""#),
    ])
    func somethingElseIsNotAnExport(_ input: Named) {
        #expect(throws: StateTransferError.notAnExport) { try StateExport.parse(Data(input.text.utf8)) }
    }

    @Test(arguments: [
        (#"{"folio": 1, "articles": {"a": {"read": 1}}}"#, #"articles["a"].read: expected true or false"#),
        (#"{"folio": 1, "articles": {"a": {"read": null}}}"#, #"articles["a"].read: expected true or false, found null"#),
        (#"{"folio": 1, "articles": {"a": {"position": "half"}}}"#, #"articles["a"].position: expected a number"#),
        (#"{"folio": 1, "articles": {"a": {"tags": "x"}}}"#, #"articles["a"].tags: expected a list of strings"#),
        (#"{"folio": 1, "articles": {"a": {"tags": ["x", 3]}}}"#, #"articles["a"].tags[1]: expected a string"#),
        (#"{"folio": 1, "articles": {"a": {"tags": [" "]}}}"#, #"articles["a"].tags: a tag cannot be empty"#),
        (#"{"folio": 1, "articles": {"a": {"stared": true}}}"#, #"articles["a"].stared: unknown field (expected read, starred, archived, position, tags)"#),
        (#"{"folio": 1, "articles": {"": {}}}"#, #"articles[""]: an article identity cannot be empty"#),
        (#"{"folio": 1, "articles": {"a": true}}"#, #"articles["a"]: expected an object"#),
        (#"{"folio": 1, "articles": []}"#, #"articles: expected an object"#),
        (#"{"folio": 1}"#, "articles: missing"),
        (#"{"folio": "1", "articles": {}}"#, "folio: expected the export format number 1"),
        (#"{"folio": 0, "articles": {}}"#, "folio: unknown export format 0"),
        (#"{"folio": 1, "articles": {}, "extra": 1}"#, #""extra": unknown field (expected folio, exported, articles)"#),
        (#"{"folio": 1, "exported": "yesterday", "articles": {}}"#, "exported: expected a date like 2026-11-29T10:00:00Z"),
    ])
    func fieldsWithTheWrongTypeOrValueAreNamed(_ text: String, _ message: String) {
        let error = #expect(throws: StateTransferError.self) { try StateExport.parse(Data(text.utf8)) }
        #expect(error?.description == message)
    }

    @Test func aReadOnlyStoreRefusesToImport() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        _ = try Self.filledStore(path)
        // A database from a newer folio opens read-only (even for root).
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')")
        }
        let store = StateStore.openForBrowsing(path: path)
        #expect(store.isReadOnly)
        let before = try store.states()
        let error = #expect(throws: StateFailure.self) {
            try store.importAll(StateExport(articles: [Self.id("x"): ArticleState(isRead: true)]), mode: .merge)
        }
        #expect(error?.description.hasPrefix("not saved: state database") == true, "\(String(describing: error))")
        #expect(try store.states() == before)
    }
}
