import Foundation
import GRDB
import GRDBSQLite

/// The metadata index: for each file of a library, its size and time and the
/// fields the list shows, so a second start shows the list at once and only
/// files that changed are read again.
///
/// It lives beside the state database (`index.sqlite` in the same folder), not
/// inside it: it is a cache. A damaged or outdated index is thrown away and
/// rebuilt without asking, and writing it can never put read state at risk.
public final class IndexStore {
    /// Bump when extraction changes what it produces, so old rows are read again.
    /// (4: files over 1 MB are known by samples of their start and end.)
    public static let extractionVersion = 4

    let queue: DatabaseQueue
    public let path: String

    /// Opens (or creates, or rebuilds) the index at `path`; in memory when the
    /// file cannot be used at all.
    public static func open(path: String) -> IndexStore {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // One folio at a time: another one creating the index at the same moment
        // would look damaged, and starting afresh would delete it under that folio.
        return OpeningLock.holding(path) {
            if let store = try? IndexStore(path: path) { return store }
            // Damaged or unreadable: start afresh (it is only a cache).
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if let store = try? IndexStore(path: path) { return store }
            return try! IndexStore(queue: DatabaseQueue(), path: ":memory:")
        }
    }

    convenience init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try WALMode.enable(db, synchronous: "NORMAL") }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try self.init(queue: DatabaseQueue(path: path, configuration: config), path: path)
    }

    init(queue: DatabaseQueue, path: String) throws {
        self.queue = queue
        self.path = path
        // A new (or older) index's schema is made without syncs (the log's first
        // write synced the log and its folder, 2-4 ms each on this disk): it is a
        // cache, rebuilt when damaged. When it is current nothing is written here.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = OFF") }
        try IndexSchema.migrator.migrate(queue)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = NORMAL") }
        let version = try queue.read { db in try Int.fetchOne(db, sql: "SELECT value FROM index_meta WHERE key = 'extraction'") }
        if version != Self.extractionVersion {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM indexed_file")
                try db.execute(sql: "INSERT OR REPLACE INTO index_meta (key, value) VALUES ('extraction', ?)", arguments: [Self.extractionVersion])
            }
        }
    }

    /// Every file indexed under `root`.
    ///
    /// Read with the SQLite statement itself rather than GRDB rows: each text
    /// becomes a String straight from the column's bytes. The values are those
    /// GRDB gives (`String(cString:)`: up to a NUL byte, bad UTF-8 repaired).
    public func files(under root: String) throws -> [IndexedFile] {
        try queue.read { db in
            let statement = try db.makeStatement(sql: Self.filesQuery)
            try statement.setArguments([root])
            var files: [IndexedFile] = []
            let code = Self.collect(statement.sqliteStatement, into: &files)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            return files
        }
    }

    /// The files of one root (bound as the query's one argument), in the columns `IndexRow.file()` reads.
    static let filesQuery = """
        SELECT path, absolute_path, size, mtime_ns, problem, identity, title, source, author, date, words, format, tags
        FROM indexed_file WHERE root = ?
        """

    /// Steps `statement` (the files query, bound) to its end, appending each row's
    /// file; returns SQLITE_DONE, or the code that stopped it.
    static func collect(_ statement: OpaquePointer, into files: inout [IndexedFile]) -> Int32 {
        let row = IndexRow(statement)
        while true {
            let code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { return code }
            files.append(row.file())
        }
    }

    /// The tags column's lines, as `split(separator: "\n")` gives them; by bytes
    /// unless there is a CR (only there is "\n" part of a larger Character).
    static func lines(_ text: String) -> [String] {
        let byBytes = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var lines: [String] = []
            var start = 0
            for (i, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
                guard byte == 0x0A else { return nil }
                if i > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            if bytes.count > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return lines
        } ?? nil
        return byBytes ?? text.split(separator: "\n").map(String.init)
    }

    /// Records new and changed files and forgets removed ones, in one transaction.
    public func update(root: String, upserted: [IndexedFile], removed: [String]) throws {
        guard !upserted.isEmpty || !removed.isEmpty else { return }
        try queue.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO indexed_file
                (root, path, absolute_path, size, mtime_ns, problem, identity, title, source, author, date, words, format, tags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for file in upserted {
                switch file.outcome {
                case .problem(let reason):
                    try insert.execute(arguments: [root, file.path, file.absolutePath, file.size, file.modifiedNanoseconds, reason,
                                                   nil, nil, nil, nil, nil, nil, nil, nil])
                case .article(let s):
                    try insert.execute(arguments: [root, file.path, file.absolutePath, file.size, file.modifiedNanoseconds, nil,
                                                   s.identity.rawValue, s.title, s.source, s.author, s.date?.timeIntervalSince1970,
                                                   s.words, s.format.rawValue, s.tags.isEmpty ? nil : s.tags.joined(separator: "\n")])
                }
            }
            let delete = try db.makeStatement(sql: "DELETE FROM indexed_file WHERE root = ? AND path = ?")
            for path in removed { try delete.execute(arguments: [root, path]) }
        }
    }
}
