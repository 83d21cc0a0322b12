import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// The run loop driven through `TestBackend`: queued events, the final screen and
/// the effects the program asked for. The backend reports `.inputClosed` when its
/// events run out, which ends the loop.
@Suite struct ProgramTests {
    typealias F = Fixtures

    func keys(_ characters: String) -> [Event] { characters.map { .key(.char($0)) } }

    func makeProgram(width: Int = 80, height: Int = 24, rows: [ArticleRow] = Fixtures.rows,
                     events: [Event], effects: FakeEffects = FakeEffects()) -> (Program, TestBackend, FakeEffects) {
        let backend = TestBackend(width: width, height: height)
        backend.events = events
        let program = Program(state: F.initialState(width: width, height: height, rows: rows), backend: backend, effects: effects)
        return (program, backend, effects)
    }

    @Test func movingOpeningAndQuitting() {
        // j j Enter: open article 2; q: back to the list; q: quit.
        let (program, backend, effects) = makeProgram(events: keys("jj") + [.key(.enter)] + keys("qq"))
        let final = program.run()
        #expect(final.quitting)
        #expect(program.endingSignal == nil)
        #expect(backend.events.isEmpty)
        // The first article is in the first frame; previews wait until the
        // keys stop; opening loads at once.
        #expect(effects.performed == [.loadArticle(path: F.path(0)), .setRead(true, [F.identity(2)]), .loadArticle(path: "hydropower.html")])
        #expect(final.selection == 2 && final.focus == .list)
        #expect(final.rows[2].isRead)
        // One frame at the start and one per key; none after the final q.
        #expect(backend.drawCount == 5)
        let lines = backend.lines
        #expect(lines[0] == " folio ─ ~/Articles ─ 12 articles, 7 unread                              ? help")
        #expect(lines[3] == "    Glacier melt is reshaping alpine hydropower pla… example.org     9 Mar   3m")
        #expect(lines[9] == " Glacier melt is reshaping alpine hydropower plans")
        #expect(lines[10] == " example.org · 9 March 2026 · 1 min")
        #expect(lines[23] == " j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read      All")
        #expect(backend.screen == Screen.render(final))
    }

    @Test func unknownKeysDoNothing() {
        let (program, backend, effects) = makeProgram(events: [])
        program.dispatch(.start)
        program.settle()
        program.draw()
        for key in [Key.char("x"), .function(5), .ctrl("z"), .insert, .char("é")] {
            program.handle(.key(key))
            program.draw()
            #expect(backend.lastChangedCells == 0)   // nothing changed, nothing sent
        }
        #expect(program.state == F.loadedState())
        #expect(effects.performed == [.loadArticle(path: "night-harvests.md")])
        #expect(backend.drawCount == 6)
        #expect(backend.screen == Screen.render(F.loadedState()))
    }

    @Test func holdingJMovesTheListAndLoadsOnlyWhereItStops() {
        let (program, _, effects) = makeProgram(events: keys("jjjjj"), effects: FakeEffects(canned: F.harvestArticle))
        program.run()
        #expect(program.state.selection == 5)
        #expect(effects.performed == [.loadArticle(path: F.path(0)), .loadArticle(path: F.path(5))])
    }

    @Test func terminateEndsTheLoopAndRemembersTheSignal() {
        let (program, backend, _) = makeProgram(events: [.key(.char("j")), .terminate(signal: 15), .key(.char("j"))])
        let final = program.run()
        #expect(program.endingSignal == 15)
        #expect(final.quitting)
        #expect(final.selection == 1)
        #expect(backend.events == [.key(.char("j"))])   // the loop stopped at the signal
        #expect(backend.drawCount == 2)              // no frame after the signal
    }

    @Test func inputClosedEndsTheLoopWithoutASignal() {
        let (program, backend, effects) = makeProgram(events: [])
        let final = program.run()
        #expect(final.quitting)
        #expect(program.endingSignal == nil)
        // The first frame, then the one with the article loaded in a pause before the end.
        #expect(backend.drawCount == 2)
        #expect(effects.performed == [.loadArticle(path: "night-harvests.md")])
        #expect(backend.screen == Screen.render(F.loadedState()))
    }

    @Test func aOneLineMoveSendsOnlyTheChangedRows() {
        // Every article has the same text, so only the two list rows differ between frames.
        let effects = FakeEffects(canned: F.harvestArticle)
        let (program, backend, _) = makeProgram(events: [], effects: effects)
        program.dispatch(.start)
        program.settle()
        program.draw()
        #expect(backend.lastChangedCells == 80 * 24)
        program.handle(.key(.char("j")))
        program.settle()
        program.draw()
        #expect(backend.lastChangedCells > 0)
        #expect(backend.lastChangedCells <= 2 * 80)
        #expect(backend.drawCount == 2)
    }

    @Test func aOneLineMoveThroughRunSendsFarFewerCellsThanAFullScreen() {
        let (program, backend, _) = makeProgram(events: keys("j"), effects: FakeEffects(canned: F.harvestArticle))
        program.run()
        #expect(program.state.selection == 1)
        // The first frame, the moved list, and the article loaded in the pause.
        #expect(backend.drawCount == 3)
        #expect(backend.lastChangedCells > 0)
        #expect(backend.lastChangedCells < 80 * 24 / 2)
    }

    @Test func scrollingTheReaderByOneLineSendsLessThanAFullScreen() {
        let (program, backend, _) = makeProgram(events: [.key(.enter), .key(.char("j"))])
        program.run()
        #expect(program.state.reader?.top == 1)
        #expect(backend.lastChangedCells < 80 * 24 / 2)
    }

    @Test func resizeRedrawsTheWholeScreenInTheNewLayout() {
        let (program, backend, effects) = makeProgram(events: [])
        program.dispatch(.start)
        program.settle()
        program.draw()
        backend.resize(width: 120, height: 30)
        program.handle(backend.nextEvent(timeout: 0)!)
        program.draw()
        #expect(program.state.size == Size(width: 120, height: 30))
        #expect(backend.lastChangedCells == 120 * 30)
        #expect(backend.screen == Screen.render(F.loadedState(width: 120, height: 30)))
        #expect(!effects.performed.contains(.redraw))
    }

    @Test func ctrlLRedrawsEverything() {
        let (program, backend, effects) = makeProgram(events: [])
        program.dispatch(.start)
        program.settle()
        program.draw()
        program.handle(.key(.ctrl("l")))
        program.draw()
        #expect(backend.drawCount == 2)
        #expect(backend.lastChangedCells == 80 * 24)
        #expect(!effects.performed.contains(.redraw))
    }

    @Test func aBackendOfAnotherSizeResizesTheStateBeforeStarting() {
        let backend = TestBackend(width: 120, height: 30)
        let program = Program(state: F.initialState(width: 80, height: 24), backend: backend, effects: FakeEffects())
        let final = program.run()
        #expect(final.size == Size(width: 120, height: 30))
        #expect(backend.screen == Screen.render(F.loadedState(width: 120, height: 30)))
    }

    @Test func qInTheReaderGoesBackAndQuitsOnlyFromTheList() {
        let (program, _, _) = makeProgram(events: [.key(.enter), .key(.char("q"))], effects: FakeEffects())
        program.run()
        #expect(program.state.focus == .list)
        let (all, backend, _) = makeProgram(events: [.key(.enter), .key(.char("Q")), .key(.char("j"))])
        all.run()
        #expect(all.state.quitting)
        #expect(backend.events == [.key(.char("j"))])
    }

    @Test func helpKeyShowsTheHelpScreen() {
        let (program, backend, _) = makeProgram(events: keys("?j"))
        program.run()
        #expect(program.state.helpTop == 1)
        #expect(backend.lines[1] == "")
        #expect(backend.lines[2] == " In the list")
    }

    @Test func idlePollReportsChangesMadeElsewhere() {
        let (program, backend, effects) = makeProgram(events: [])
        backend.closesWhenEmpty = false
        let allRead = Set(F.summaries.map(\.identity))
        effects.onPoll = {
            backend.closesWhenEmpty = true          // end the loop after this idle round
            return [.readStateReloaded(allRead)]
        }
        let final = program.run()
        #expect(effects.polls == 1)
        #expect(final.unreadCount == 0)
        #expect(final.now != F.now)                 // the idle tick set the clock
        #expect(backend.lines[0].hasPrefix(" folio ─ ~/Articles ─ 12 articles, 0 unread"))
    }

    @Test func aFailedEffectShowsItsMessage() {
        let effects = FakeEffects()
        effects.setReadFailure = "Could not save read state: disk full"
        let (program, backend, _) = makeProgram(events: [.key(.enter)], effects: effects)
        program.run()
        #expect(program.state.message == "Could not save read state: disk full")
        #expect(backend.lines[23] == " Could not save read state: disk full                                       Top")
    }
}
