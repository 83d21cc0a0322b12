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
    private var unsaved: [ArticleIdentity: Bool] = [:]

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

    /// The identities marked read.
    public func readIdentities() throws -> Set<ArticleIdentity> {
        var read: Set<ArticleIdentity> = try queue.read { db in
            guard try db.tableExists("article_state") else { return [] }
            let rows = try String.fetchAll(db, sql: "SELECT identity FROM article_state WHERE read = 1")
            return Set(rows.map(ArticleIdentity.init(rawValue:)))
        }
        for (identity, isRead) in unsaved { if isRead { read.insert(identity) } else { read.remove(identity) } }
        return read
    }

    /// Marks articles read or unread in one transaction. On a read-only store the
    /// change is kept for this run only and `.notSaved` is thrown.
    public func setRead(_ read: Bool, for identities: [ArticleIdentity]) throws {
        guard !identities.isEmpty else { return }
        if let reason = readOnlyReason {
            for identity in identities { unsaved[identity] = read }
            throw StateFailure.notSaved(reason: reason)
        }
        let now = Date().timeIntervalSince1970
        do {
            try queue.write { db in
                let statement = try db.makeStatement(sql: """
                    INSERT INTO article_state (identity, read, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(identity) DO UPDATE SET read = excluded.read, updated_at = excluded.updated_at
                    """)
                for identity in identities {
                    try statement.execute(arguments: [identity.rawValue, read, now])
                }
            }
        } catch let error as DatabaseError {
            throw StateFailure.writeFailed(path: path, reason: StateOpening.describe(error))
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
