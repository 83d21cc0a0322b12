import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Seeded random walks through the reducer: after every action the state must be
/// consistent and must render without overflowing the screen.
@Suite struct InvariantTests {
    typealias F = Fixtures

    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let walkedCommands = Command.allCases.filter { $0 != .quit && $0 != .quitAll }

    func randomAction(_ state: AppState, _ rng: inout SplitMix64) -> Action {
        // With a prompt open, keys go to the prompt (as Program sends them).
        if state.prompt != nil {
            let keys: [Key] = [.enter, .escape, .backspace, .tab, .ctrl("u"), .ctrl("w"), .char("e"), .char("s"), .char(" "),
                               .char("y"), .char("n"), .char("t"), .char("r")]
            return .promptKey(keys.randomElement(using: &rng)!)
        }
        switch Int.random(in: 0..<20, using: &rng) {
        case 0:
            return .resize(Size(width: Int.random(in: 0...200, using: &rng), height: Int.random(in: 0...60, using: &rng)))
        case 1:
            let path = state.rows.randomElement(using: &rng)?.summary.path ?? "gone.md"
            return .articleLoaded(path: path, .failure(F.failure("unreadable")))
        case 2:
            let readSet = Set(state.rows.filter { _ in Bool.random(using: &rng) }.map(\.summary.identity))
            return .readStateReloaded(readSet)
        case 3:
            return .tick(state.now.addingTimeInterval(Double(Int.random(in: 0...90, using: &rng))))
        default:
            return .command(Self.walkedCommands.randomElement(using: &rng)!)
        }
    }

    /// Reduces an action and answers what the run loop would: loads (unless left
    /// pending), the trash, restores and searches (never empty).
    func step(_ state: inout AppState, _ action: Action, answerLoads: Bool, _ rng: inout SplitMix64) {
        var queue = [action]
        while !queue.isEmpty {
            for effect in reduce(&state, queue.removeFirst()) {
                switch effect {
                case .loadArticle(let path) where answerLoads:
                    let summary = state.library.first { $0.summary.path == path }!.summary
                    queue.append(.articleLoaded(path: path, .success(F.article(for: summary))))
                case .trash(let requests, let redo):
                    queue.append(.trashed(requests.map { TrashRecord(path: $0.path, originalPath: $0.file, trashedPath: "/t/" + $0.path,
                                                                     infoPath: "/i/" + $0.path) }, failures: [], redo: redo))
                case .restore(let records, let rows):
                    queue.append(.restored(records, rows: rows, failures: []))
                case .searchLibrary(let text):
                    let hits = state.library.filter { _ in Bool.random(using: &rng) }.map { SearchResult(path: $0.summary.path, snippet: "…") }
                    let some = hits.isEmpty ? state.library.prefix(1).map { SearchResult(path: $0.summary.path, snippet: "") } : hits
                    queue.append(.searchResults(text, some))
                default:
                    break
                }
            }
        }
    }

    func checkInvariants(_ state: AppState, after action: Action, step: Int) {
        let layout = state.layout
        let context = "step \(step) after \(action)"
        if state.rows.isEmpty {
            #expect(state.reader == nil, "\(context)")
        } else {
            #expect(state.rows.indices.contains(state.selection), "\(context)")
            #expect(state.reader?.path == state.rows[state.selection].summary.path, "\(context)")
        }
        #expect(state.listTop >= 0, "\(context)")
        if !state.zoomed, layout.list.height > 0, !state.rows.isEmpty {
            #expect(state.listTop <= state.selection && state.selection < state.listTop + layout.list.height,
                    "selection hidden: \(context)")
            #expect(state.listTop <= max(0, state.rows.count - layout.list.height), "\(context)")
        }
        if let reader = state.reader {
            #expect(reader.layoutWidth == layout.readerTextWidth, "\(context)")
            #expect(reader.top >= 0 && reader.top <= max(0, reader.lines.count - layout.reader.height), "\(context)")
        }
        if let top = state.helpTop {
            let lines = HelpScreen.lines(for: state.keyMap, theme: state.theme).count
            #expect(top >= 0 && top <= max(0, lines - max(1, state.size.height - 2)), "\(context)")
        }
        if state.zoomed { #expect(state.focus == .reader, "\(context)") }
        // The list is the library, filtered: no stranger rows, archived ones only when asked for.
        let libraryPaths = Set(state.library.map(\.summary.path))
        #expect(state.rows.allSatisfy { libraryPaths.contains($0.summary.path) }, "\(context)")
        #expect(Set(state.rows.map(\.summary.path)).count == state.rows.count, "duplicate rows: \(context)")
        if state.filter?.query.mentionsArchived != true {
            let archivedListed = state.rows.contains { $0.isArchived }
            #expect(!archivedListed, "archived row listed: \(context)")
        }
        #expect(state.unreadCount == state.library.filter { !$0.isRead }.count, "\(context)")
        for row in state.rows { #expect(state.library.first { $0.summary.path == row.summary.path } == row, "\(context)") }
        #expect(state.undoStack.count <= 200, "\(context)")

        let screen = Screen.render(state)
        #expect(screen.size == state.size)
        #expect(screen.lines.count == state.size.height)
        let badRows = (0..<state.size.height).filter { DisplayWidth.of(screen.text(ofRow: $0)) != state.size.width }
        #expect(badRows.isEmpty, "rows of the wrong width \(badRows): \(context)")
        let strays = screen.cells.indices.filter { i in
            screen.cells[i].isContinuation && (i % max(1, state.size.width) == 0 || screen.cells[i - 1].width != 2)
        }
        #expect(strays.isEmpty, "stray continuation cells \(strays): \(context)")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomWalksKeepTheStateConsistent(seed: UInt64) {
        var rng = SplitMix64(state: seed &* 0x5EED)
        let libraries: [[ArticleRow]] = [F.rows, [], Array(F.rows.prefix(1)), Array(F.rows.prefix(3))]
        for _ in 0..<15 {
            let rows = libraries.randomElement(using: &rng)!
            var state = F.initialState(width: [80, 120, 160, 20].randomElement(using: &rng)!,
                                       height: [24, 30, 40, 6].randomElement(using: &rng)!, rows: rows)
            F.settle(&state, .start)
            checkInvariants(state, after: .start, step: 0)
            for n in 1...30 {
                let action = randomAction(state, &rng)
                // Loads are answered at once most of the time, and left pending otherwise.
                step(&state, action, answerLoads: Bool.random(using: &rng), &rng)
                checkInvariants(state, after: action, step: n)
            }
        }
    }
}
