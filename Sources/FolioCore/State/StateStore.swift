import Foundation
import GRDB

/// Read/unread state in SQLite. Every change is its own committed transaction
/// (`BEGIN IMMEDIATE`, WAL, `synchronous=FULL`), so nothing waits for a save on
/// quit, a `kill -9` loses nothing reported as done, and two folio processes on
/// one library both work: SQLite serialises their writes, the busy timeout
/// makes each wait its turn, and each change touches only its own rows.
public final class StateStore {
    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): return "cannot open state database \(path): \(reason)"
            }
        }
    }

    public let path: String
    private let queue: DatabaseQueue

    public init(path: String) throws(Failure) {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
            try StateSchema.migrator.migrate(queue)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The identities marked read.
    public func readIdentities() throws -> Set<ArticleIdentity> {
        try queue.read { db in
            let rows = try String.fetchAll(db, sql: "SELECT identity FROM article_state WHERE read = 1")
            return Set(rows.map(ArticleIdentity.init(rawValue:)))
        }
    }

    /// Marks articles read or unread in one transaction.
    public func setRead(_ read: Bool, for identities: [ArticleIdentity]) throws {
        guard !identities.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try queue.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO article_state (identity, read, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(identity) DO UPDATE SET read = excluded.read, updated_at = excluded.updated_at
                """)
            for identity in identities {
                try statement.execute(arguments: [identity.rawValue, read, now])
            }
        }
    }

    /// A number that changes whenever another process commits to the database,
    /// so a running folio can pick up the other one's changes cheaply.
    public func externalChangeToken() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
