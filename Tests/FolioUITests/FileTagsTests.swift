import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Tags the file gives itself (front matter) next to the user's own: shown in
/// the reader's header, matched by `tag:` and kept apart from `+` and `-`.
@Suite struct FileTagsTests {
    typealias F = Fixtures

    func state() -> AppState {
        var rows = F.rows
        rows[0].summary.tags = ["farming", "heat"]
        rows[2].summary.tags = ["energy"]
        return F.loadedState(rows: rows)
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { F.settle(&state, .promptKey(.char(c))) }
        F.settle(&state, .promptKey(.enter))
    }

    func readerText(_ state: AppState) -> [String] { state.reader?.lines.map(\.plainText) ?? [] }

    @Test func aFilterMatchesTagsFromTheFile() {
        var s = state()
        F.settle(&s, [.limit])
        type(&s, "tag:energy")
        #expect(s.rows.map(\.summary.path) == [F.path(2)])
        F.settle(&s, [.limit])
        F.settle(&s, .promptKey(.ctrl("u")))  // the prompt starts with the filter in force
        type(&s, "tag:heat or tag:energy")
        #expect(s.rows.map(\.summary.path) == [F.path(0), F.path(2)])
    }

    @Test func theReaderShowsTheFilesTagsAndTheUsersAndFollowsUndo() {
        var s = state()
        #expect(readerText(s).contains("Tags: farming, heat"))
        F.settle(&s, [.addTag])
        type(&s, "later")
        #expect(readerText(s).contains("Tags: farming, heat, later"))
        #expect(s.rows[0].tags == ["later"])
        F.settle(&s, [.undo])
        #expect(readerText(s).contains("Tags: farming, heat"))
        #expect(!readerText(s).contains { $0.contains("later") })
    }

    @Test func aTagFromTheFileCannotBeRemovedWithMinus() {
        var s = state()
        F.settle(&s, [.removeTag])
        type(&s, "heat")
        #expect(s.message == "“heat” comes from the file itself; edit the file (e) to remove it.")
        #expect(s.rows[0].allTags == ["farming", "heat"])
        #expect(s.undoStack.isEmpty)
    }

    @Test func completionOffersTheFilesTags() {
        var s = state()
        F.settle(&s, [.addTag])
        F.settle(&s, .promptKey(.char("e")))
        F.settle(&s, .promptKey(.tab))
        #expect(s.prompt?.text == "energy")
    }
}

/// Mouse events (with `set mouse on`): a click selects, a second click opens,
/// the wheel moves the list or scrolls the reader.
@Suite struct MouseTests {
    typealias F = Fixtures

    @Test func aClickSelectsAndASecondClickOpens() {
        var s = F.loadedState()
        let row = s.layout.list.y + 2
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: row)))
        #expect(s.selection == 2 && s.focus == .list)
        #expect(s.reader?.path == F.path(2))
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: row)))
        #expect(s.focus == .reader)
        #expect(s.library.first { $0.summary.path == F.path(2) }?.isRead == true)
    }

    @Test func theWheelMovesTheListAndScrollsTheReader() {
        var s = F.loadedState()
        F.settle(&s, .mouse(MouseEvent(.wheelDown, x: 10, y: s.layout.list.y)))
        #expect(s.selection == 3)
        F.settle(&s, .mouse(MouseEvent(.wheelUp, x: 10, y: s.layout.list.y)))
        #expect(s.selection == 0)
        var r = F.loadedState()
        F.settle(&r, .mouse(MouseEvent(.wheelDown, x: 10, y: r.layout.reader.y + 1)))
        #expect(r.reader?.top == 3)
        #expect(r.selection == 0)
    }

    @Test func aClickOutsideTheRowsDoesNothing() {
        var s = F.loadedState(rows: Array(F.rows.prefix(2)))
        let before = s
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: s.layout.list.y + 5)))
        #expect(s == before)
    }
}
