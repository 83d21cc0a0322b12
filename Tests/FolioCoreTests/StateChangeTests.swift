import Foundation
import GRDB
import Testing
@testable import FolioCore

/// Star, archive, tags and reading position: each change one transaction,
/// kept across reopening; a database from before these existed is upgraded
/// after a copy of it is kept.
struct StateChangeTests {
    static func id(_ s: String) -> ArticleIdentity { ArticleIdentity(rawValue: s) }

    @Test func everyKindOfChangeIsKept() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        do {
            let store = try StateStore(path: path)
            try store.save(.read(true, [Self.id("a"), Self.id("b")]))
            try store.save(.starred(true, [Self.id("a")]))
            try store.save(.archived(true, [Self.id("b"), Self.id("c")]))
            try store.save(.tag("energy", added: true, [Self.id("a"), Self.id("c")]))
            try store.save(.tag("climate", added: true, [Self.id("a")]))
            try store.save(.tag("energy", added: false, [Self.id("c")]))
            try store.save(.position(0.42, Self.id("d")))
            try store.setSetting("sort", "title")
        }
        let store = try StateStore(path: path)
        let states = try store.states()
        #expect(states[Self.id("a")] == ArticleState(isRead: true, isStarred: true, tags: ["climate", "energy"]))
        #expect(states[Self.id("b")] == ArticleState(isRead: true, isArchived: true))
        #expect(states[Self.id("c")] == ArticleState(isArchived: true))
        #expect(states[Self.id("d")] == ArticleState(position: 0.42))
        #expect(store.setting("sort") == "title")
        #expect(store.setting("missing") == nil)
        #expect(try store.readIdentities() == [Self.id("a"), Self.id("b")])
    }

    @Test func aVersionOneDatabaseIsUpgradedAfterACopyIsKept() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        // A state database as the first folio wrote it.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1: read state');
                    CREATE TABLE article_state (identity TEXT PRIMARY KEY NOT NULL, read INTEGER NOT NULL DEFAULT 0, updated_at REAL NOT NULL) WITHOUT ROWID;
                    INSERT INTO article_state VALUES ('old-read', 1, 0);
                    """)
            }
        }
        let store = try StateStore(path: path)
        #expect(try store.states()[Self.id("old-read")] == ArticleState(isRead: true))
        try store.save(.starred(true, [Self.id("old-read")]))
        #expect(try store.states()[Self.id("old-read")]?.isStarred == true)
        let copies = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.contains("before-upgrade") && !$0.hasSuffix("-wal") }
        #expect(copies.count == 1)
        let copy = try DatabaseQueue(path: temp.path + "/" + copies[0])
        #expect(try copy.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == ["v1: read state"])
    }

    @Test func aReadOnlyStoreKeepsChangesForThisRunOnly() throws {
        let temp = try TempFolder()
        try temp.write("blocker", "a file where a folder should be")
        let store = StateStore.openForBrowsing(path: temp.path + "/blocker/state.sqlite")
        #expect(throws: StateFailure.self) { try store.save(.starred(true, [Self.id("x")])) }
        #expect(throws: StateFailure.self) { try store.save(.tag("later", added: true, [Self.id("x")])) }
        #expect(try store.states()[Self.id("x")] == ArticleState(isStarred: true, tags: ["later"]))
    }
}
