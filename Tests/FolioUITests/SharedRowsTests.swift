import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// When nothing filters the list, it is the library itself, one array in
/// memory; marking articles must change both and keep it one array (a second
/// copy of 100,000 rows would be made on every key otherwise).
struct SharedRowsTests {
    typealias F = Fixtures

    func sharesStorage(_ state: AppState) -> Bool {
        state.rows.withUnsafeBufferPointer { $0.baseAddress } == state.library.withUnsafeBufferPointer { $0.baseAddress }
    }

    @Test func readingAnArticleChangesTheListAndTheLibraryAndKeepsThemOneArray() {
        var state = F.loadedState()
        state.refreshRows()
        #expect(sharesStorage(state))
        let identity = state.rows[2].identity
        F.settle(&state, [.down, .down, .toggleRead])
        let read = !F.rows[2].isRead
        #expect(state.rows[2].isRead == read)
        #expect(state.library.first { $0.identity == identity }?.isRead == read)
        #expect(sharesStorage(state))
        // Read state changed by another folio: the same.
        F.settle(&state, Action.readStateReloaded([]))
        #expect(state.rows.allSatisfy { !$0.isRead } && state.library.allSatisfy { !$0.isRead })
        #expect(sharesStorage(state))
    }

    @Test func aFilteredListIsChangedAsWellAsTheLibrary() throws {
        var state = F.loadedState()
        state.library[0].isStarred = true
        state.library[3].isStarred = true
        state.filter = ListFilter(text: "is:starred", query: try QueryParser.parse("is:starred", now: F.now))
        state.refreshRows()
        #expect(!sharesStorage(state))
        let identity = state.rows[0].identity
        state.updateRows([identity]) { $0.isRead = true }
        #expect(state.rows[0].isRead)
        #expect(state.library.first { $0.identity == identity }?.isRead == true)
    }
}
