import Foundation
import GRDB
import Testing
@testable import FolioCore

/// The checks every start makes on the state database before writing to it,
/// made with SQLite itself and plain reads (see StateRecoveryTests for what
/// the user sees when they fail).
struct StateOpeningChecksTests {
    @Test func theMigrationNamesAreTheMigrators() {
        #expect(StateSchema.migrator.migrations == StateSchema.migrations)
    }

    @Test func aCurrentDatabaseIsRecognisedAndAnyOtherIsNot() throws {
        let temp = try TempFolder()
        let queue = try DatabaseQueue(path: temp.path + "/state.sqlite")
        #expect(try queue.read(StateSchema.isCurrent) == false)  // no migrations table yet
        try StateSchema.migrator.migrate(queue, upTo: StateSchema.migrations[0])
        #expect(try queue.read(StateSchema.isCurrent) == false)  // older
        try StateSchema.migrator.migrate(queue)
        #expect(try queue.read(StateSchema.isCurrent) == true)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from a newer folio')") }
        #expect(try queue.read(StateSchema.isCurrent) == false)  // newer
    }

    @Test func quickCheckPassesASoundDatabaseAndFailsGarbageAndDamage() throws {
        let temp = try TempFolder()
        let sound = temp.path + "/sound.sqlite"
        let store = try StateStore(path: sound)
        try store.setRead(true, for: (0..<300).map { ArticleIdentity(rawValue: "id-\($0)") })
        #expect(StateOpening.passesQuickCheck(sound))
        #expect(StateOpening.passesQuickCheck(temp.path + "/missing.sqlite"))  // not a sign of damage

        let garbage = temp.path + "/garbage.sqlite"
        try Data(String(repeating: "not sqlite ", count: 500).utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(!StateOpening.passesQuickCheck(garbage))

        // A page of the table overwritten: the header still says SQLite.
        let damaged = temp.path + "/damaged.sqlite"
        let copy = try DatabaseQueue(path: damaged)
        try copy.write { db in
            try db.execute(sql: "CREATE TABLE t (x TEXT)")
            for i in 0..<2000 { try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [String(repeating: "x", count: 50) + "\(i)"]) }
        }
        try copy.close()
        let handle = try #require(FileHandle(forWritingAtPath: damaged))
        try handle.seek(toOffset: 4096 * 3 + 100)
        handle.write(Data(repeating: 0xA5, count: 3000))
        try handle.close()
        #expect(!StateOpening.passesQuickCheck(damaged))
    }

    @Test func aSQLiteHeaderOrAnEmptyFileLooksLikeSQLite() throws {
        let temp = try TempFolder()
        try temp.write("empty", "")
        try temp.write("short", "SQLite")
        try temp.write("text", "Not a database at all, just some words.")
        try temp.write("header", "SQLite format 3\u{0}and more")
        #expect(StateOpening.looksLikeSQLite(temp.path + "/empty"))
        #expect(StateOpening.looksLikeSQLite(temp.path + "/missing"))
        #expect(StateOpening.looksLikeSQLite(temp.path + "/header"))
        #expect(!StateOpening.looksLikeSQLite(temp.path + "/short"))
        #expect(!StateOpening.looksLikeSQLite(temp.path + "/text"))
    }
}
