import Foundation
import GRDB
import Testing
@testable import FolioCore

/// The reader's first frame reads the index through `IndexSnapshot`: the same
/// files `IndexStore.files` gives, and nothing at all (so that the caller opens
/// the index the usual way) when the index is not this folio's current one.
struct IndexSnapshotTests {
    /// A library of three articles (one with tags, one unreadable) indexed at `path`.
    func indexedLibrary(_ temp: TempFolder) throws -> (library: TempFolder, index: IndexStore, key: String) {
        let library = try TempFolder()
        try library.write("a.txt", IndexTests.story("Alpha harbour"))
        try library.write("sub/b.md", "---\ntitle: Beta glacier\ntags: [ice, power]\n---\n\nMelting faster than the models said, the glacier feeds the valley.\n")
        try library.write("c.txt", "")
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        let key = Library.indexKey(library.path)
        LibraryIndexer.refresh(root: library.path, known: [], index: index, indexRoot: key) { _ in }
        return (library, index, key)
    }

    @Test func givesTheFilesTheIndexStoreGives() throws {
        let temp = try TempFolder()
        let (_, index, key) = try indexedLibrary(temp)
        let stored = try index.files(under: key)
        #expect(stored.count == 3)
        #expect(IndexSnapshot.files(path: index.path, root: key) == stored)
        // Another root's files are not among them.
        #expect(IndexSnapshot.files(path: index.path, root: key + "-other") == [])
    }

    @Test func readsAnIndexClosedCleanlyAndOneStillOpenElsewhere() throws {
        let temp = try TempFolder()
        let path = temp.path + "/index.sqlite"
        var key = ""
        var expected: [IndexedFile] = []
        do {
            let (_, index, k) = try indexedLibrary(temp)
            key = k
            expected = try index.files(under: key)
            // While it is open (its log and shared memory beside it), with a write not yet checkpointed.
            try index.queue.write { db in try db.execute(sql: "INSERT OR REPLACE INTO index_meta (key, value) VALUES ('note', 1)") }
            #expect(IndexSnapshot.files(path: path, root: key) == expected)
            try index.queue.close()
        }
        // Closed cleanly: the log checkpointed and gone, as the last folio leaves it.
        let last = try DatabaseQueue(path: path)
        try last.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try last.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(IndexSnapshot.files(path: path, root: key) == expected)
        // A read-only connection: the file is as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func noIndexGivesNil() throws {
        let temp = try TempFolder()
        #expect(IndexSnapshot.files(path: temp.path + "/index.sqlite", root: "/x") == nil)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/index.sqlite"))
    }

    @Test(arguments: ["other extraction", "older schema", "newer schema", "garbage"])
    func anIndexThatIsNotCurrentGivesNil(kind: String) throws {
        let temp = try TempFolder()
        let (_, index, key) = try indexedLibrary(temp)
        #expect(IndexSnapshot.files(path: index.path, root: key)?.count == 3)
        switch kind {
        case "other extraction":
            try index.queue.write { db in try db.execute(sql: "UPDATE index_meta SET value = value + 1 WHERE key = 'extraction'") }
        case "older schema":
            try index.queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [IndexSchema.migrations.last!]) }
        case "newer schema":
            try index.queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from a newer folio')") }
        default:
            try index.queue.write { db in try db.execute(sql: "DROP TABLE grdb_migrations") }
        }
        #expect(IndexSnapshot.files(path: index.path, root: key) == nil)
    }

    @Test func aFileThatIsNotADatabaseGivesNil() throws {
        let temp = try TempFolder()
        let path = temp.path + "/index.sqlite"
        try Data(String(repeating: "not sqlite ", count: 500).utf8).write(to: URL(fileURLWithPath: path))
        #expect(IndexSnapshot.files(path: path, root: "/x") == nil)
    }

    /// The names the snapshot checks are those the migrator applies.
    @Test func theMigrationNamesAreTheMigrators() throws {
        #expect(IndexSchema.migrator.migrations == IndexSchema.migrations)
    }
}
