import Foundation
import Testing
import FolioCore

/// Read state under pressure from real processes: two folio instances making
/// a thousand interleaved changes, and a process killed with SIGKILL at random
/// moments, fifty times.
@Suite(.serialized)
struct StateDurabilityEndToEndTests {
    let library: URL
    let state: String

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-durability-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        // 100 articles, newest first in the list: a000 is at the top, a099 at the bottom.
        for i in 0..<100 {
            let day = String(format: "2026-%02d-%02d", 11 - i / 28, 28 - i % 28)
            try ReadStateEndToEndTests.article(String(format: "Article %03d about the harbour", i), date: day)
                .write(to: library.appendingPathComponent(String(format: "a%03d.txt", i)), atomically: true, encoding: .utf8)
        }
    }

    func path(_ i: Int) -> String { library.appendingPathComponent(String(format: "a%03d.txt", i)).path }

    func identity(_ i: Int) throws -> ArticleIdentity {
        guard case .success(let loaded) = ArticleLoader.load(path(i)) else { throw CocoaError(.fileReadUnknown) }
        return loaded.identity
    }

    @Test(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"))
    func twoInstancesMakeAThousandInterleavedChanges() throws {
        let first = TmuxSession()
        let second = TmuxSession()
        for session in [first, second] { session.start([TmuxSession.folioBinary, library.path, "--state", state]) }
        for session in [first, second] { #expect(session.waitFor { $0.contains("100 articles, 100 unread") } != nil) }

        // The first works down from the top, the second up from the bottom, each
        // toggling every article it passes 10 or 11 times: 1,050 changes in all.
        func toggles(_ i: Int) -> Int { 10 + (i % 3 == 0 ? 1 : 0) }
        var down = ""
        for i in 0..<50 { down += String(repeating: "N", count: toggles(i)) + "j" }
        var up = "G"
        for i in (50..<100).reversed() { up += String(repeating: "N", count: toggles(i)) + "k" }
        first.send("-l", down)
        second.send("-l", up)

        let expectedRead = Set((0..<100).filter { toggles($0) % 2 == 1 })
        let unread = 100 - expectedRead.count
        for session in [first, second] {
            #expect(session.waitFor(timeout: 120) { $0.contains("100 articles, \(unread) unread") } != nil, "did not settle: \(session.screen)")
        }
        first.send("Q")
        second.send("Q")

        let store = try StateStore(path: state)
        #expect(try store.integrityCheck() == "ok")
        let read = try store.readIdentities()
        for i in 0..<100 {
            #expect(read.contains(try identity(i)) == expectedRead.contains(i), "article \(i)")
        }
    }

    @Test func killNineAtRandomMomentsFiftyTimesLosesNothingReported() throws {
        var generator = SplitMix(seed: 20261129)
        let files = (0..<100).map(path)
        let identities = try Dictionary(uniqueKeysWithValues: (0..<100).map { (path($0), try identity($0)) })
        for round in 0..<50 {
            let target = round % 2 == 0 ? "read" : "unread"
            let order = files.shuffled(using: &generator)
            let output = Shell.runKilled([TmuxSession.folioBinary, "mark", "-v", target, "--state", state] + order,
                                         afterMicroseconds: UInt32.random(in: 2_000...120_000, using: &generator))
            let reported = output.split(separator: "\n").compactMap { line -> String? in
                line.hasPrefix(target + ": ") ? String(line.dropFirst(target.count + 2)) : nil
            }
            // The database opens cleanly, and every change reported as done is there.
            let store = try StateStore(path: state)
            #expect(try store.integrityCheck() == "ok", "round \(round)")
            let read = try store.readIdentities()
            for file in reported {
                #expect(read.contains(identities[file]!) == (target == "read"), "round \(round): \(file) reported \(target) but is not")
            }
        }
    }
}

/// A small seeded generator, so a failing run can be repeated.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
