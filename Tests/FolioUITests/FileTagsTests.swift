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

