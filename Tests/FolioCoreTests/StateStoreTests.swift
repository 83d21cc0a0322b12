import Foundation
import Testing
@testable import FolioCore

struct StateStoreTests {
    static func ids(_ names: [String]) -> [ArticleIdentity] { names.map { ArticleIdentity(rawValue: $0) } }

    @Test func startsEmptyAndCreatesFolders() throws {
        let temp = try TempFolder()
        let path = temp.path + "/nested/state/state.sqlite"
        let store = try StateStore(path: path)
        #expect(try store.readIdentities().isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func persistsAcrossReopening() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        do {
            let store = try StateStore(path: path)
            try store.setRead(true, for: Self.ids(["url:https://example.org/a", "sha256:00ff", "url:https://example.org/b"]))
            try store.setRead(false, for: Self.ids(["url:https://example.org/b"]))
        }
        let reopened = try StateStore(path: path)
        #expect(try reopened.readIdentities() == Set(Self.ids(["url:https://example.org/a", "sha256:00ff"])))
    }

    /// Write-ahead logging (two folios at once) with every commit synced; and
    /// opening an existing database writes nothing to it.
    @Test func theDatabaseIsInWALModeWithFullSyncAndOpeningDoesNotWrite() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        try StateStore(path: path).setRead(true, for: Self.ids(["sha256:00ff"]))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let store = try StateStore(path: path)
        let (mode, sync) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let walSize = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(walSize == 0)  // nothing written by opening
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        #expect(try store.readIdentities() == Set(Self.ids(["sha256:00ff"])))
    }

    /// A new file is made without syncs (nothing is in it to lose) and is then
    /// left as any other: WAL, every commit synced, its first change kept.
    @Test func aNewDatabaseEndsInWALModeWithFullSync() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let store = try StateStore(path: path)
        let (mode, sync) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
        try store.setRead(true, for: Self.ids(["sha256:0a0b"]))
        #expect(try StateStore(path: path).readIdentities() == Set(Self.ids(["sha256:0a0b"])))
    }

    /// Two folios started at the same moment on a new state database: both
    /// open it for writing (before, one often saw the other's half-made tables
    /// and fell back to read-only).
    @Test func twoOpeningANewDatabaseAtOnceBothGetToWrite() throws {
        let temp = try TempFolder()
        for round in 0..<30 {
            let path = temp.path + "/state-\(round).sqlite"
            let stores = Locked<[StateStore]>([])
            let threads = (0..<2).map { _ in Thread { let store = StateStore.openForBrowsing(path: path); stores.update { $0.append(store) } } }
            threads.forEach { $0.start() }
            while stores.value.count < 2 { usleep(1000) }
            #expect(stores.value.map(\.readOnlyReason) == [nil, nil], "round \(round)")
            try stores.value[0].setRead(true, for: Self.ids(["sha256:\(round)"]))
            #expect(try stores.value[1].readIdentities() == Set(Self.ids(["sha256:\(round)"])))
        }
    }

    @Test func setReadManyAtOnce() throws {
        let temp = try TempFolder()
        let store = try StateStore(path: temp.path + "/state.sqlite")
        let many = (0..<5000).map { ArticleIdentity(rawValue: "sha256:\($0)") }
        try store.setRead(true, for: many)
        #expect(try store.readIdentities() == Set(many))
        try store.setRead(false, for: Array(many[1000..<4000]))
        #expect(try store.readIdentities() == Set(many[..<1000] + many[4000...]))
        try store.setRead(true, for: [])  // nothing to do, no error
        #expect(try store.readIdentities().count == 2000)
    }

    @Test func settingTheSameValueTwiceIsHarmless() throws {
        let temp = try TempFolder()
        let store = try StateStore(path: temp.path + "/state.sqlite")
        let id = ArticleIdentity(rawValue: "url:https://example.org/x")
        try store.setRead(true, for: [id, id])
        try store.setRead(true, for: [id])
        #expect(try store.readIdentities() == [id])
    }

    @Test func externalChangeTokenChangesWhenAnotherInstanceWrites() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let mine = try StateStore(path: path)
        let theirs = try StateStore(path: path)
        let before = try mine.externalChangeToken()
        #expect(try mine.externalChangeToken() == before)  // stable while nothing happens

        try mine.setRead(true, for: Self.ids(["sha256:mine"]))
        #expect(try mine.externalChangeToken() == before)  // our own commit is not external

        try theirs.setRead(true, for: Self.ids(["sha256:theirs"]))
        let after = try mine.externalChangeToken()
        #expect(after != before)
        #expect(try mine.readIdentities() == Set(Self.ids(["sha256:mine", "sha256:theirs"])))

        try theirs.setRead(false, for: Self.ids(["sha256:mine"]))
        #expect(try mine.externalChangeToken() != after)
        #expect(try mine.readIdentities() == Set(Self.ids(["sha256:theirs"])))
    }

    @Test func twoInstancesAlternatingWrites() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        let stores = [try StateStore(path: path), try StateStore(path: path)]
        var expected: [String: Bool] = [:]
        for change in 0..<200 {
            let name = "sha256:item-\(change % 23)"
            let read = (change * 7 + change / 23) % 3 != 0
            try stores[change % 2].setRead(read, for: Self.ids([name]))
            expected[name] = read
            // Each instance sees the other's writes at once.
            #expect(try stores[(change + 1) % 2].readIdentities().contains(ArticleIdentity(rawValue: name)) == read)
        }
        let wanted = Set(expected.filter(\.value).keys.map(ArticleIdentity.init(rawValue:)))
        #expect(try stores[0].readIdentities() == wanted)
        #expect(try stores[1].readIdentities() == wanted)
        #expect(try StateStore(path: path).readIdentities() == wanted)
    }

    @Test(.timeLimit(.minutes(5)))
    func twoInstancesWritingConcurrentlyFromTwoThreads() throws {
        let temp = try TempFolder()
        let path = temp.path + "/state.sqlite"
        _ = try StateStore(path: path)  // create and migrate once

        // Thread t makes 200 changes through its own store; identities shared by
        // both threads only ever get the same value from both, so every
        // identity's last written value is known whatever the interleaving.
        @Sendable func work(_ thread: Int) -> [String: Bool] {
            var last: [String: Bool] = [:]
            do {
                let store = try StateStore(path: path)
                for change in 0..<200 {
                    let own = "sha256:t\(thread)-\(change % 17)"
                    let read = (change / 17) % 2 == 0
                    try store.setRead(read, for: [ArticleIdentity(rawValue: own)])
                    last[own] = read
                    if change % 10 == 0 {
                        let shared = "url:https://example.org/shared-\(change % 40)"
                        try store.setRead(true, for: [ArticleIdentity(rawValue: shared)])
                        last[shared] = true
                    }
                }
            } catch {
                Issue.record("thread \(thread): \(error)")
            }
            return last
        }

        let results = ResultsBox()
        let group = DispatchGroup()
        for thread in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                results.set(thread, work(thread))
                group.leave()
            }
        }
        group.wait()

        let expected = results.merged()
        #expect(expected.count == 2 * 17 + 4)
        let read = try StateStore(path: path).readIdentities()
        for (name, value) in expected {
            #expect(read.contains(ArticleIdentity(rawValue: name)) == value, "\(name)")
        }
        #expect(read == Set(expected.filter(\.value).keys.map(ArticleIdentity.init(rawValue:))))
    }

    @Test func cannotOpenReportsPath() throws {
        let temp = try TempFolder()
        try temp.write("blocker", "a file where a folder should be")
        #expect(throws: StateFailure.self) { _ = try StateStore(path: temp.path + "/blocker/state.sqlite") }
        try temp.write("garbage.sqlite", String(repeating: "this is not a database ", count: 100))
        do {
            _ = try StateStore(path: temp.path + "/garbage.sqlite")
            Issue.record("opened a file that is not a database")
        } catch {
            #expect(error.description.contains("garbage.sqlite"))
        }
    }

    @Test func stateLocation() {
        #expect(StateLocation.resolve(option: "/tmp/x.sqlite", environment: ["FOLIO_STATE": "/y"]) == "/tmp/x.sqlite")
        #expect(StateLocation.resolve(option: nil, environment: ["FOLIO_STATE": "/y.sqlite", "XDG_STATE_HOME": "/s"]) == "/y.sqlite")
        #expect(StateLocation.resolve(option: nil, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/folio/state.sqlite")
        #expect(StateLocation.resolve(option: nil, environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/folio/state.sqlite")
        #expect(StateLocation.resolve(option: "", environment: ["HOME": "/h"]) == "/h/.local/state/folio/state.sqlite")
    }
}

/// Results from worker threads, behind a lock.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: [String: Bool]] = [:]

    func set(_ key: Int, _ value: [String: Bool]) { lock.lock(); values[key] = value; lock.unlock() }

    func merged() -> [String: Bool] {
        lock.lock(); defer { lock.unlock() }
        return values.values.reduce(into: [:]) { $0.merge($1) { a, b in a && b } }
    }
}

/// A value shared with other threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
