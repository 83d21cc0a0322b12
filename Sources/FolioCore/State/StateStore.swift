import Foundation
import GRDB

/// Read/unread state in SQLite. Every change is its own committed transaction
/// (`BEGIN IMMEDIATE`, WAL, `synchronous=FULL`), so nothing waits for a save on
/// quit, a `kill -9` loses nothing reported as done, and two folio processes on
/// one library both work: SQLite serialises their writes, the busy timeout
/// makes each wait its turn, and each change touches only its own rows.
///
/// A store is writable, or read-only with a reason (a damaged database, one
/// from a newer folio, a file or folder without write permission). A
/// read-only store never writes to the user's file; changes then live only in
/// memory and `setRead` throws `.notSaved`.
public final class StateStore {
    public let path: String
    /// Why changes are not saved, when they are not.
    public let readOnlyReason: String?
    let queue: DatabaseQueue
    /// For read-only stores: changes made during this run, kept in memory.
    private var unsaved: [StateChange] = []

    public var isReadOnly: Bool { readOnlyReason != nil }

    /// Opens the database for writing, creating it (and its folder) when missing.
    /// Throws rather than open anything read-only: for commands that must save.
    public convenience init(path: String) throws(StateFailure) {
        let queue = try StateOpening.openWritable(path: path)
        self.init(path: path, queue: queue, readOnlyReason: nil)
    }

    init(path: String, queue: DatabaseQueue, readOnlyReason: String?) {
        self.path = path
        self.queue = queue
        self.readOnlyReason = readOnlyReason
    }

    /// Opens the database for browsing: writable when it can be; otherwise
    /// read-only with a reason to show the user. Never replaces or repairs the
    /// user's file (a damaged one is copied aside first and left as it is).
    public static func openForBrowsing(path: String) -> StateStore {
        do {
            return try StateStore(path: path)
        } catch {
            return StateOpening.readOnlyFallback(path: path, after: error)
        }
    }

    /// Whether the database has a table `name`: one query, where GRDB's
    /// `tableExists` first reads the whole schema (1.4 M instructions of a start,
    /// before the first frame).
    static func hasTable(_ name: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name]) ?? false
    }

    /// The identities marked read.
    public func readIdentities() throws -> Set<ArticleIdentity> {
        var read: Set<ArticleIdentity> = try queue.read { db in
            guard try Self.hasTable("article_state", in: db) else { return [] }
            let rows = try String.fetchAll(db, sql: "SELECT identity FROM article_state WHERE read = 1")
            return Set(rows.map(ArticleIdentity.init(rawValue:)))
        }
        for case .read(let isRead, let identities) in unsaved {
            for identity in identities { if isRead { read.insert(identity) } else { read.remove(identity) } }
        }
        return read
    }

    /// Every article folio remembers anything about.
    public func states() throws -> [ArticleIdentity: ArticleState] {
        var states: [ArticleIdentity: ArticleState] = try queue.read { db in
            var states: [ArticleIdentity: ArticleState] = [:]
            guard try Self.hasTable("article_state", in: db) else { return states }
            let hasV2 = try Self.hasTable("article_tag", in: db)
            let sql = hasV2 ? "SELECT identity, read, starred, archived, position FROM article_state" : "SELECT identity, read, 0, 0, 0 FROM article_state"
            // Cursors decode each row where SQLite has it (fetchAll copied every
            // row first: 1.5 µs a row, 150 ms of a start with 100,000 read).
            states.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM article_state") ?? 0)
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                states[ArticleIdentity(rawValue: row[0])] = ArticleState(isRead: row[1], isStarred: row[2], isArchived: row[3], position: row[4])
            }
            if hasV2 {
                let tags = try Row.fetchCursor(db, sql: "SELECT identity, tag FROM article_tag ORDER BY tag")
                while let row = try tags.next() {
                    states[ArticleIdentity(rawValue: row[0]), default: ArticleState()].tags.append(row[1])
                }
            }
            return states
        }
        for change in unsaved {
            for identity in change.identities { change.apply(to: &states[identity, default: ArticleState()]) }
        }
        return states
    }

    /// Marks articles read or unread in one transaction.
    public func setRead(_ read: Bool, for identities: [ArticleIdentity]) throws {
        try save(.read(read, identities))
    }

    /// Saves one change in one transaction. On a read-only store the change is
    /// kept for this run only and `.notSaved` is thrown.
    public func save(_ change: StateChange) throws {
        guard !change.identities.isEmpty else { return }
        if let reason = readOnlyReason {
            unsaved.append(change)
            throw StateFailure.notSaved(reason: reason)
        }
        let now = Date().timeIntervalSince1970
        do {
            try queue.write { db in
                switch change {
                case .read(let value, let ids): try Self.set("read", value, ids, now, db)
                case .starred(let value, let ids): try Self.set("starred", value, ids, now, db)
                case .archived(let value, let ids): try Self.set("archived", value, ids, now, db)
                case .position(let value, let id): try Self.set("position", value, [id], now, db)
                case .tag(let tag, let added, let ids):
                    let statement = try db.makeStatement(sql: added
                        ? "INSERT OR IGNORE INTO article_tag (identity, tag) VALUES (?, ?)"
                        : "DELETE FROM article_tag WHERE identity = ? AND tag = ?")
                    for id in ids { try statement.execute(arguments: [id.rawValue, tag]) }
                }
            }
        } catch let error as DatabaseError {
            throw StateFailure.writeFailed(path: path, reason: StateOpening.describe(error))
        }
    }

    private static func set(_ column: String, _ value: some DatabaseValueConvertible, _ ids: [ArticleIdentity], _ now: Double, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO article_state (identity, \(column), updated_at) VALUES (?, ?, ?)
            ON CONFLICT(identity) DO UPDATE SET \(column) = excluded.\(column), updated_at = excluded.updated_at
            """)
        for id in ids { try statement.execute(arguments: [id.rawValue, value, now]) }
    }

    /// A remembered setting (the list's sort order, …).
    public func setting(_ key: String) -> String? {
        try? queue.read { db in
            guard try Self.hasTable("setting", in: db) else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        guard readOnlyReason == nil else { return }
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// SQLite's own consistency check of the whole file: "ok" when sound.
    public func integrityCheck() throws -> String {
        try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// A number that changes whenever another process commits to the database,
    /// so a running folio can pick up the other one's changes cheaply.
    public func externalChangeToken() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
