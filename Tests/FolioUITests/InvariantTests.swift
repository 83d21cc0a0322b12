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

    func randomAction(_ state: AppState, _ rng: inout SplitMix64) -> Action {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0:
            // Help's position is not clamped on resize (a known issue tested in ReducerTests).
            if state.helpTop != nil { return .command(.closeHelp) }
            return .resize(Size(width: Int.random(in: 0...200, using: &rng), height: Int.random(in: 0...60, using: &rng)))
        case 1:
            let path = state.rows.randomElement(using: &rng)?.summary.path ?? "gone.md"
            return .articleLoaded(path: path, .failure(F.failure("unreadable")))
        case 2:
            let readSet = Set(state.rows.filter { _ in Bool.random(using: &rng) }.map(\.summary.identity))
            return .readStateReloaded(readSet)
        default:
            let command = Command.allCases.filter { $0 != .quit && $0 != .quitAll }.randomElement(using: &rng)!
            return .command(command)
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

    @Test(arguments: [1, 2, 3, 4])
    func randomWalksKeepTheStateConsistent(seed: UInt64) {
        var rng = SplitMix64(state: seed &* 0x5EED)
        let libraries: [[ArticleRow]] = [F.rows, [], Array(F.rows.prefix(1)), Array(F.rows.prefix(3))]
        for _ in 0..<15 {
            let rows = libraries.randomElement(using: &rng)!
            var state = F.initialState(width: [80, 120, 160, 20].randomElement(using: &rng)!,
                                       height: [24, 30, 40, 6].randomElement(using: &rng)!, rows: rows)
            F.settle(&state, .start)
            checkInvariants(state, after: .start, step: 0)
            for step in 1...30 {
                let action = randomAction(state, &rng)
                // Loads are answered at once most of the time, and left pending otherwise.
                if Bool.random(using: &rng) {
                    F.settle(&state, action)
                } else {
                    _ = reduce(&state, action)
                }
                checkInvariants(state, after: action, step: step)
            }
        }
    }
}
