import Foundation
import GRDB
import GRDBSQLite

/// Opening the state database: writable with migrations, or — when that is
/// not possible — read-only without ever changing the user's file.
enum StateOpening {
    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(10)
        if !readonly {
            // WAL set here rather than with GRDB's `journalMode = .wal`, which
            // writes to the file on every open (and then sets synchronous=NORMAL).
            config.prepareDatabase { db in try WALMode.enable(db, synchronous: "FULL") }
        }
        return config
    }

    static func openWritable(path: String) throws(StateFailure) -> DatabaseQueue {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create folder \(folder)")
        }
        // SQLite needs to write the file and, in WAL mode, files beside it.
        if fm.fileExists(atPath: path) && !fm.isWritableFile(atPath: path) || !fm.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            throw .readOnly(path: path)
        }
        return try OpeningLock.holding(path) { () throws(StateFailure) -> DatabaseQueue in try openAndMigrate(path: path) }
    }

    /// Opens, checks and migrates the database; one folio at a time (OpeningLock).
    private static func openAndMigrate(path: String) throws(StateFailure) -> DatabaseQueue {
        let exists = FileManager.default.fileExists(atPath: path)
        if exists, !looksLikeSQLite(path) || !passesQuickCheck(path) {
            throw .corrupt(path: path, backup: StateBackup.keepCopy(of: path, label: "damaged"))
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false))
            if exists, try queue.read(StateSchema.isCurrent) { return queue }
            let migrator = StateSchema.migrator
            let (superseded, pending) = try queue.read { db in
                (try migrator.hasBeenSuperseded(db), try !migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StateFailure.newerSchema(path: path) }
            if pending && exists, try queue.read({ db in try !migrator.appliedIdentifiers(db).isEmpty }) {
                // An older schema: keep a copy before migrating it.
                _ = StateBackup.keepCopy(of: path, label: "before-upgrade")
            }
            if !exists {
                // A new file: its schema is made without syncs (the log's header and
                // folder, and each of five migrations' commits); the first change
                // saved at FULL syncs them with it.
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = OFF") }
            }
            try migrator.migrate(queue)
            if !exists { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
            return queue
        } catch let failure as StateFailure {
            throw failure
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw .corrupt(path: path, backup: StateBackup.keepCopy(of: path, label: "damaged"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_PERM {
            throw .readOnly(path: path)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: describe(error))
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// A store for browsing when the writable one could not be opened: the
    /// user's file read-only when it is readable, else an empty in-memory one.
    static func readOnlyFallback(path: String, after failure: StateFailure) -> StateStore {
        switch failure {
        case .readOnly, .newerSchema:
            if let queue = try? DatabaseQueue(path: path, configuration: configuration(readonly: true)),
               (try? queue.read { db in try db.tableExists("article_state") }) == true {
                return StateStore(path: path, queue: queue, readOnlyReason: failure.description)
            }
            // SQLite cannot read a WAL database read-only when it may not create the
            // shared-memory file beside it: read a private copy instead.
            if let copy = StateBackup.privateCopy(of: path),
               let queue = try? DatabaseQueue(path: copy, configuration: configuration(readonly: true)),
               (try? queue.read { db in try db.tableExists("article_state") }) == true {
                return StateStore(path: path, queue: queue, readOnlyReason: failure.description)
            }
        default:
            break
        }
        let memory = try! DatabaseQueue()
        try? StateSchema.migrator.migrate(memory)
        return StateStore(path: path, queue: memory, readOnlyReason: failure.description)
    }

    /// Checks an existing database through a read-only connection before anything
    /// may write to it, so a damaged file is found before SQLite touches it.
    /// (SQLite itself: a GRDB queue for this one query cost 2.8 M instructions.)
    static func passesQuickCheck(_ path: String) -> Bool {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        guard PathCoding.withCString(path, { sqlite3_open_v2($0, &db, SQLITE_OPEN_READONLY, nil) }) == SQLITE_OK, let db else {
            return true  // not a sign of damage (permissions, memory): the writable open decides
        }
        sqlite3_busy_timeout(db, 10_000)
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        var code = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nil)
        var results: [String] = []
        while code == SQLITE_OK || code == SQLITE_ROW, let statement {
            code = sqlite3_step(statement)
            if code == SQLITE_ROW { results.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "") }
        }
        guard code == SQLITE_DONE else {
            let primary = code & 0xFF
            return primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB  // busy and the like are not damage
        }
        return results == ["ok"]
    }

    /// SQLite files start with "SQLite format 3\0"; an empty file is fine too.
    static func looksLikeSQLite(_ path: String) -> Bool {
        let fd = PathCoding.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return true }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 16)
        let count = read(fd, &head, 16)
        return count <= 0 || count == 16 && head == Array("SQLite format 3\u{0}".utf8)
    }

    static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "input/output error"
        case .SQLITE_READONLY: return "the database is read-only"
        case .SQLITE_BUSY: return "the database is busy (another folio is writing)"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the database is damaged"
        default: return error.message ?? "\(error.resultCode)"
        }
    }
}
