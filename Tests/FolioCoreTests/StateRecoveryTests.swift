import Foundation
import GRDB
import Testing
@testable import FolioCore

/// A state database that is damaged, from a newer folio, or on a full disk:
/// folio says so, keeps a copy, browses read-only, and never replaces the
/// user's file.
struct StateRecoveryTests {
    static func ids(_ names: String...) -> [ArticleIdentity] { names.map(ArticleIdentity.init(rawValue:)) }

    static func backups(of path: String) throws -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(name + ".") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
    }

    @Test func aDamagedFileIsCopiedAsideAndLeftUntouched() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let garbage = Data(String(repeating: "not a database at all ", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))

        #expect(throws: StateFailure.self) { _ = try StateStore(path: path) }
        let store = StateStore.openForBrowsing(path: path)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("damaged") == true)
        #expect(try store.readIdentities().isEmpty)

        // Changes live in memory for this run and are reported as not saved.
        #expect(throws: StateFailure.self) { try store.setRead(true, for: Self.ids("a")) }
        #expect(try store.readIdentities() == Set(Self.ids("a")))

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage, "the user's file was changed")
        let copies = try Self.backups(of: path)
        #expect(!copies.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path + "/" + copies[0])) == garbage)
    }

    @Test func aDatabaseDamagedInsideIsReportedNotRepaired() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        do {
            let store = try StateStore(path: path)
            try store.setRead(true, for: (0..<500).map { ArticleIdentity(rawValue: "id-\($0)-" + String(repeating: "x", count: 60)) })
        }
        // Overwrite the middle of the file (keeping the header) with noise.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count > 8192)
        for i in 4096..<min(bytes.count, 12288) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")

        let store = StateStore.openForBrowsing(path: path)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("damaged") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "the damaged file was changed")
        #expect(try !Self.backups(of: path).isEmpty)
    }

    @Test func aDatabaseFromANewerFolioOpensReadOnlyWithItsState() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        do {
            let store = try StateStore(path: path)
            try store.setRead(true, for: Self.ids("kept"))
            try store.queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            }
        }
        #expect(throws: StateFailure.newerSchema(path: path)) { _ = try StateStore(path: path) }
        let store = StateStore.openForBrowsing(path: path)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("newer folio") == true)
        #expect(try store.readIdentities() == Set(Self.ids("kept")))
        #expect(throws: StateFailure.self) { try store.setRead(true, for: Self.ids("other")) }
        // Nothing was written to the newer database.
        let check = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try check.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_state") } == 1)
    }

    @Test func aFullDiskFailsTheWriteAndKeepsWhatWasSaved() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let store = try StateStore(path: path)
        try store.setRead(true, for: Self.ids("saved-before"))
        // SQLite's page limit stands in for a full disk: writes past it fail with SQLITE_FULL.
        let pages = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1 }
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 1)") }
        var failure: StateFailure?
        for batch in 0..<50 where failure == nil {
            let many = (0..<200).map { ArticleIdentity(rawValue: "batch-\(batch)-\($0)-" + String(repeating: "y", count: 80)) }
            do { try store.setRead(true, for: many) } catch let error as StateFailure { failure = error }
        }
        let error = try #require(failure)
        #expect(error.description.contains("disk is full"))

        let reopened = try StateStore(path: path)
        #expect(try reopened.readIdentities().contains(ArticleIdentity(rawValue: "saved-before")))
        let integrity = try reopened.queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func aStoreThatCannotBeCreatedBrowsesInMemory() throws {
        let temp = try TempFolder()
        try temp.write("blocker", "a file where a folder should be")
        let store = StateStore.openForBrowsing(path: temp.path + "/blocker/state.sqlite")
        #expect(store.isReadOnly)
        #expect(try store.readIdentities().isEmpty)
    }
}
