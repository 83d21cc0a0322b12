import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// u and ^R across every undoable action, one article and marked ones: the state
/// goes back and forth, the saves are the inverse changes, and a delete comes back
/// from the trash through the effect results.
@Suite struct UndoRedoTests {
    typealias F = Fixtures

    /// The fixture library with tags on articles 0 and 2 (so removing a tag has something to remove).
    static var taggedRows: [ArticleRow] {
        var rows = F.rows
        rows[0].tags = ["energy"]
        rows[2].tags = ["climate", "energy"]
        return rows
    }

    /// What is remembered about the articles (marks are not undone: actions clear them).
    func remembered(_ rows: [ArticleRow]) -> [ArticleRow] { rows.map { var r = $0; r.isMarked = false; return r } }

    /// The save that undoes a save.
    func flipped(_ effect: Effect) -> Effect {
        switch effect {
        case .setRead(let value, let ids): return .setRead(!value, ids)
        case .save(.starred(let value, let ids)): return .save(.starred(!value, ids))
        case .save(.archived(let value, let ids)): return .save(.archived(!value, ids))
        case .save(.tag(let tag, let added, let ids)): return .save(.tag(tag, added: !added, ids))
        default: return effect
        }
    }

    /// The saves among effects, each with its identities sorted (their order means nothing).
    func saves(_ effects: [Effect]) -> [Effect] {
        func sorted(_ ids: [ArticleIdentity]) -> [ArticleIdentity] { ids.sorted { $0.rawValue < $1.rawValue } }
        return effects.compactMap { effect in
            switch effect {
            case .setRead(let value, let ids): return .setRead(value, sorted(ids))
            case .save(.starred(let value, let ids)): return .save(.starred(value, sorted(ids)))
            case .save(.archived(let value, let ids)): return .save(.archived(value, sorted(ids)))
            case .save(.tag(let tag, let added, let ids)): return .save(.tag(tag, added: added, sorted(ids)))
            case .save: return effect
            default: return nil
            }
        }
    }

    enum Scenario: String, CaseIterable, Sendable {
        case readOne, unreadOne, readMarked, markAllRead, starOne, starMarked, archiveOne, archiveMarked
        case deleteOne, deleteMarked, addTagOne, addTagMarked, removeTagOne, removeTagMarked

        var isDelete: Bool { self == .deleteOne || self == .deleteMarked }

        /// Marks articles 0 and 2 for the bulk scenarios.
        func setUp(_ driver: Driver) {
            switch self {
            case .unreadOne: driver.command(.down)
            case .readMarked, .starMarked, .archiveMarked, .deleteMarked, .addTagMarked, .removeTagMarked:
                driver.command(.mark, .down, .mark)
            default: break
            }
        }

        func act(_ driver: Driver) {
            switch self {
            case .readOne, .unreadOne, .readMarked: driver.command(.toggleRead)
            case .markAllRead: driver.command(.markAllRead)
            case .starOne, .starMarked: driver.command(.star)
            case .archiveOne, .archiveMarked: driver.command(.archive)
            case .deleteOne, .deleteMarked: driver.command(.delete)
            case .addTagOne, .addTagMarked: driver.command(.addTag); driver.type("work"); driver.key(.enter)
            case .removeTagOne, .removeTagMarked: driver.command(.removeTag); driver.type("energy"); driver.key(.enter)
            }
        }
    }

    @Test(arguments: Scenario.allCases)
    func undoRestoresAndRedoRepeats(_ scenario: Scenario) throws {
        let driver = Driver(F.loadedState(rows: Self.taggedRows))
        scenario.setUp(driver)
        let before = driver.state
        let mark = driver.asked.count
        scenario.act(driver)
        let acted = Array(driver.asked[mark...])
        let after = driver.state
        #expect(remembered(after.library) != remembered(before.library), "the action changed something")
        let entry = try #require(after.undoStack.last)
        #expect(after.undoStack.count == before.undoStack.count + 1)
        #expect(after.redoStack.isEmpty)

        for round in 1...2 {
            let undone = driver.command(.undo)
            #expect(remembered(driver.state.library) == remembered(before.library), "round \(round)")
            #expect(driver.state.rows.map(\.summary.path) == before.rows.map(\.summary.path), "round \(round)")
            #expect(driver.state.unreadCount == before.unreadCount)
            #expect(driver.state.undoStack.count == before.undoStack.count)
            #expect(driver.state.redoStack.count == 1)
            if scenario.isDelete {
                let requests = acted.compactMap { effect -> [TrashRequest]? in if case .trash(let r, false) = effect { return r }; return nil }.first ?? []
                #expect(undone.first == .restore(requests.map { F.trashRecord($0.path) }, rows: entry.removedRows))
                #expect(entry.removedRows.count == (scenario == .deleteOne ? 1 : 2))
                #expect(driver.state.message == (scenario == .deleteOne ? "Restored from the trash." : "Restored 2 articles from the trash."))
            } else {
                #expect(saves(undone) == saves(acted).map(flipped), "round \(round)")
                #expect(driver.state.message == "Undid: \(entry.label).")
            }

            let redone = driver.command(.redo)
            #expect(remembered(driver.state.library) == remembered(after.library), "round \(round)")
            #expect(driver.state.rows.map(\.summary.path) == after.rows.map(\.summary.path), "round \(round)")
            #expect(driver.state.undoStack.count == after.undoStack.count)
            #expect(driver.state.redoStack.isEmpty)
            if scenario.isDelete {
                #expect(redone.first == .trash(entry.removedRows.map { TrashRequest(path: $0.summary.path, file: $0.summary.absolutePath) }, redo: true))
            } else {
                #expect(saves(redone) == saves(acted), "round \(round)")
                #expect(driver.state.message == "Redid: \(entry.label).")
            }
        }
    }

    @Test func nothingToUndoOrRedo() {
        var state = F.loadedState()
        #expect(reduce(&state, .command(.undo)) == [])
        #expect(state.message == "Nothing to undo.")
        #expect(reduce(&state, .command(.redo)) == [])
        #expect(state.message == "Nothing to redo.")
        #expect(state.library == F.loadedState().library)
    }

    @Test func undoingAReadToggleSavesTheInverse() {
        var state = F.loadedState()
        F.settle(&state, [.toggleRead])
        #expect(state.library[0].isRead)
        #expect(reduce(&state, .command(.undo)) == [.setRead(false, [F.identity(0)])])
        #expect(!state.library[0].isRead && state.unreadCount == 8)
        #expect(state.message == "Undid: mark 1 article read.")
        #expect(reduce(&state, .command(.redo)) == [.setRead(true, [F.identity(0)])])
        #expect(state.library[0].isRead && state.unreadCount == 7)
    }

    @Test func undoingMarkAllReadMarksOnlyThoseArticlesUnreadAgain() {
        var state = F.loadedState()
        F.settle(&state, [.markAllRead])
        #expect(state.unreadCount == 0)
        let unread = [0, 2, 3, 5, 6, 8, 9, 10].map(F.identity).sorted { $0.rawValue < $1.rawValue }
        #expect(saves(reduce(&state, .command(.undo))) == [.setRead(false, unread)])
        #expect(state.library.enumerated().allSatisfy { $1.isRead == F.readIndices.contains($0) })
        #expect(state.message == "Undid: mark 8 articles read.")
    }

    @Test func confirmedMarkAllReadUndoesAndRedoes() {
        var state = F.loadedState(rows: F.unreadRows(51))
        _ = reduce(&state, .command(.markAllRead))
        _ = reduce(&state, .promptKey(.char("y")))
        #expect(state.unreadCount == 0)
        F.settle(&state, [.undo])
        #expect(state.unreadCount == 51 && state.message == "Undid: mark 51 articles read.")
        F.settle(&state, [.redo])
        #expect(state.unreadCount == 0 && state.message == "Redid: mark 51 articles read.")
    }

    @Test func bulkTagUndoLeavesArticlesThatHadTheTagAlone() {
        // Article 2 has "energy" already; tagging 0, 1 and 2 adds it to 1 only... and undo removes it from 1 only.
        let driver = Driver(F.loadedState(rows: Self.taggedRows))
        driver.command(.mark, .mark, .mark)
        driver.command(.addTag); driver.type("energy"); driver.key(.enter)
        #expect(driver.state.message == "Tagged “energy”: 3 articles.")
        #expect(driver.state.undoStack.last == UndoEntry(label: "tag 1 article energy", redo: [.tag("energy", added: true, [F.identity(1)])],
                                                         undo: [.tag("energy", added: false, [F.identity(1)])]))
        #expect(driver.command(.undo) == [.save(.tag("energy", added: false, [F.identity(1)]))])
        #expect(driver.row(F.path(0))!.tags == ["energy"])
        #expect(driver.row(F.path(1))!.tags.isEmpty)
        #expect(driver.row(F.path(2))!.tags == ["climate", "energy"])
    }

    @Test func bulkStarUndoUnstarsOnlyTheNewlyStarred() {
        let driver = Driver(F.loadedState())
        driver.command(.down, .star, .first)             // 1 starred
        driver.command(.mark, .mark, .mark)              // 0, 1, 2
        driver.command(.star)
        #expect((0...2).allSatisfy { driver.row(F.path($0))!.isStarred })
        driver.command(.undo)
        #expect(!driver.row(F.path(0))!.isStarred && driver.row(F.path(1))!.isStarred && !driver.row(F.path(2))!.isStarred)
        driver.command(.undo)
        #expect(!driver.state.library.contains { $0.isStarred })
    }

    @Test func undoArchiveBringsTheRowBackIntoTheList() {
        var state = F.loadedState()
        F.settle(&state, [.down, .archive])
        #expect(state.rows.count == 11)
        let effects = reduce(&state, .command(.undo))
        #expect(effects == [.save(.archived(false, [F.identity(1)]))])
        #expect(state.rows.map(\.summary.path) == F.rows.map(\.summary.path))
        #expect(!state.library[1].isArchived)
    }

    // MARK: Delete and the trash

    @Test func undoDeleteAsksTheTrashToRestoreAndTheRowReturnsWhenItHas() {
        var state = F.loadedState(rows: Self.taggedRows)
        F.settle(&state, [.down, .down, .star])
        let deletedRow = state.library[2]                // starred, tagged, unread
        #expect(reduce(&state, .command(.delete)) == [.trash([TrashRequest(path: F.path(2), file: "/library/" + F.path(2))], redo: false)])
        let record = TrashRecord(path: F.path(2), originalPath: "/library/" + F.path(2), trashedPath: "/home/u/.local/share/Trash/files/hydropower.html",
                                 infoPath: "/home/u/.local/share/Trash/info/hydropower.html.trashinfo")
        _ = reduce(&state, .trashed([record], failures: [], redo: false))
        #expect(!state.library.contains { $0.summary.path == F.path(2) })
        #expect(state.unreadCount == 7)

        // u asks for the records the trash gave back, with the rows as they were.
        let undo = reduce(&state, .command(.undo))
        #expect(undo == [.restore([record], rows: [deletedRow])])
        #expect(!state.library.contains { $0.summary.path == F.path(2) })   // not until the file is back
        #expect(state.message == "Undid: delete 1 article.")
        #expect(state.redoStack.last?.trashed == [record])

        _ = reduce(&state, .restored([record], rows: [deletedRow], failures: []))
        #expect(state.library.map(\.summary.path) == F.rows.map(\.summary.path))
        #expect(state.library[2] == deletedRow)         // its star, tags and read state with it
        #expect(state.rows[2] == deletedRow)
        #expect(state.unreadCount == 8)
        #expect(state.message == "Restored from the trash.")

        // ^R moves the same file to the trash again; the undo entry comes with the new records.
        #expect(reduce(&state, .command(.redo)) == [.trash([TrashRequest(path: F.path(2), file: "/library/" + F.path(2))], redo: true)])
        let again = F.trashRecord(F.path(2))
        _ = reduce(&state, .trashed([again], failures: [], redo: true))
        #expect(!state.library.contains { $0.summary.path == F.path(2) })
        #expect(state.undoStack.last?.trashed == [again])
        #expect(state.redoStack.isEmpty)
    }

    @Test func aFailedRestoreSaysWhyAndKeepsTheRowOut() {
        var state = F.loadedState()
        F.settle(&state, [.delete])
        _ = reduce(&state, .trashed([F.trashRecord(F.path(0))], failures: [], redo: false))
        _ = reduce(&state, .command(.undo))
        _ = reduce(&state, .restored([], rows: [F.rows[0]], failures: ["the trashed file is gone"]))
        #expect(state.message == "Could not restore: the trashed file is gone")
        #expect(state.library.count == 11)
    }

    @Test func restoringDeletedMarkedArticlesPutsThemBackInOrder() {
        let driver = Driver(F.loadedState())
        driver.command(.down, .mark, .down, .down, .mark)    // 1 and 4 (read ones)
        driver.command(.delete)
        #expect(driver.state.library.count == 10)
        let undone = driver.command(.undo)
        guard case .restore(let records, let rows)? = undone.first else { Issue.record("no restore: \(undone)"); return }
        #expect(records.map(\.path) == [F.path(1), F.path(4)])
        #expect(rows == [F.rows[1], F.rows[4]])
        #expect(driver.state.library == F.rows)
        #expect(driver.state.message == "Restored 2 articles from the trash.")
    }

    @Test func undoingADeleteOfTheOnlyArticleShowsItAgain() {
        let driver = Driver(F.loadedState(rows: [F.rows[0]]))
        driver.command(.delete)
        #expect(driver.state.rows.isEmpty && driver.state.reader == nil)
        driver.command(.undo)
        #expect(driver.state.rows.count == 1 && driver.state.selection == 0)
        #expect(driver.state.reader?.path == F.path(0))
    }

    // MARK: Order and the redo stack

    @Test func severalActionsUndoInReverseOrderAndRedoInOrder() {
        let driver = Driver(F.loadedState())
        driver.command(.star)                                              // 0 starred
        driver.command(.down, .archive)                                    // 1 archived
        driver.command(.addTag); driver.type("later"); driver.key(.enter)  // 2 (now selected) tagged
        driver.command(.down, .delete)                                     // 3 deleted
        let after = driver.state
        #expect(after.undoStack.map(\.label) == ["star 1 article", "archive 1 article", "tag 1 article later", "delete 1 article"])

        driver.command(.undo)
        #expect(driver.row(F.path(3)) != nil && driver.row(F.path(2))!.tags == ["later"])
        driver.command(.undo)
        #expect(driver.row(F.path(2))!.tags.isEmpty && driver.row(F.path(1))!.isArchived)
        driver.command(.undo)
        #expect(!driver.row(F.path(1))!.isArchived && driver.row(F.path(0))!.isStarred)
        driver.command(.undo)
        #expect(driver.state.library == F.rows)
        #expect(driver.state.redoStack.map(\.label) == ["delete 1 article", "tag 1 article later", "archive 1 article", "star 1 article"])

        driver.command(.redo, .redo, .redo, .redo)
        #expect(remembered(driver.state.library) == remembered(after.library))
        #expect(driver.state.undoStack.map(\.label) == after.undoStack.map(\.label))
        #expect(driver.state.redoStack.isEmpty)
    }

    @Test func aNewChangeClearsTheRedoStack() {
        let driver = Driver(F.loadedState())
        driver.command(.star, .undo)
        #expect(driver.state.redoStack.count == 1)
        driver.command(.archive)
        #expect(driver.state.redoStack.isEmpty)
        driver.command(.undo, .undo)
        #expect(driver.state.message == "Nothing to undo.")
        driver.command(.redo)
        #expect(driver.state.library[0].isArchived)
        driver.command(.redo)
        #expect(driver.state.message == "Nothing to redo.")
        #expect(!driver.state.library[0].isStarred)
    }

    @Test func aNewDeleteClearsTheRedoStackButARedoneDeleteDoesNot() {
        let driver = Driver(F.loadedState())
        driver.command(.star, .undo)
        driver.command(.delete)
        #expect(driver.state.redoStack.isEmpty)
        driver.command(.star, .undo, .undo)                // unstar the new selection, then restore the file
        #expect(driver.state.redoStack.map(\.label) == ["star 1 article", "delete 1 article"])
        driver.command(.redo)                              // the delete again
        #expect(driver.state.redoStack.map(\.label) == ["star 1 article"])
    }

    @Test func undoWorksFromTheReader() {
        let driver = Driver(F.loadedState())
        driver.command(.open, .star)
        #expect(driver.state.focus == .reader)
        driver.command(.undo)
        #expect(!driver.state.library[0].isStarred)
        #expect(driver.state.library[0].isRead)          // opening is not an undoable change
        driver.command(.redo)
        #expect(driver.state.library[0].isStarred)
    }

    @Test func theUndoHistoryKeepsTheLastTwoHundred() {
        var state = F.loadedState()
        for _ in 0..<205 { _ = reduce(&state, .command(.star)) }
        #expect(state.undoStack.count == 200)
        #expect(state.library[0].isStarred)              // 205 toggles
        for _ in 0..<200 { _ = reduce(&state, .command(.undo)) }
        #expect(state.message == "Undid: unstar 1 article.")   // the 6th toggle
        #expect(state.library[0].isStarred)              // the first 5 toggles are beyond the history: starred after 5
        _ = reduce(&state, .command(.undo))
        #expect(state.message == "Nothing to undo.")
    }

    // MARK: Screens

    @Test func undoScreenShowsWhatWasUndone() {
        let driver = Driver(F.loadedState())
        driver.command(.down, .star)
        #expect(Screen.render(driver.state).lines[2].hasPrefix("  ★ Why allies"))
        driver.command(.undo)
        let lines = Screen.render(driver.state).lines
        #expect(lines[2].hasPrefix("    Why allies"))
        #expect(lines[23].hasPrefix(" Undid: star 1 article.  "))
        driver.command(.redo)
        let again = Screen.render(driver.state).lines
        #expect(again[2].hasPrefix("  ★ Why allies"))
        #expect(again[23].hasPrefix(" Redid: star 1 article.  "))
    }

    @Test func undoDeleteScreenListsTheArticleAgain() {
        let driver = Driver(F.loadedState())
        driver.command(.down, .delete)
        #expect(Screen.render(driver.state).lines[0].hasPrefix(" folio ─ ~/Articles ─ 11 articles, 8 unread"))
        driver.command(.undo)
        let lines = Screen.render(driver.state).lines
        #expect(lines[0].hasPrefix(" folio ─ ~/Articles ─ 12 articles, 8 unread"))
        #expect(lines[2] == "    Why allies matter in a trade war                 cnn.com        12 Apr   3m")
        #expect(lines[23].hasPrefix(" Restored from the trash.  "))
    }
}
