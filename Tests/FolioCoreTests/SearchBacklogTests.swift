import Foundation
import Testing
@testable import FolioCore

/// `folio list` keeps the metadata index without the articles' text; the next
/// refresh that fills the search index reads what it lacks, and no stale text
/// is ever found.
struct SearchBacklogTests {
    struct Setup {
        let temp: TempFolder
        let library: TempFolder
        let index: IndexStore
        let search: SearchIndex
        var key: String { Library.indexKey(library.path) }

        init() throws {
            temp = try TempFolder()
            library = try TempFolder()
            index = IndexStore.open(path: temp.path + "/index.sqlite")
            search = SearchIndex(store: index)
        }

        /// A refresh as `folio list` (.forget) or the reader and `folio search` (.fill) run it; the files read.
        func refresh(_ upkeep: LibraryIndexer.SearchUpkeep) -> [String] {
            var read: [String] = []
            LibraryIndexer.refresh(root: library.path, known: (try? index.files(under: key)) ?? [], index: index,
                                   indexRoot: key, search: search, upkeep: upkeep) { read += $0.upserted.map(\.path) }
            return read.sorted()
        }

        func find(_ word: String) throws -> [String] {
            try search.search(root: key, query: word, limit: 50).map(\.path).sorted()
        }
    }

    static func story(_ title: String, _ word: String) -> String {
        "\(title)\n\nThe committee met on Tuesday and spoke at length about the \(word) before the vote was taken.\n"
    }

    @Test func aListingLeavesTheTextForTheNextSearchToIndex() throws {
        let s = try Setup()
        try s.library.write("a.txt", Self.story("Harbour works", "lighthouse"))
        try s.library.write("b.txt", Self.story("Orchard news", "cider"))
        #expect(s.refresh(.forget) == ["a.txt", "b.txt"])
        #expect(try s.search.count(root: s.key) == 0)
        #expect(try s.search.behind(root: s.key) != nil)

        // Nothing changed in the folder, but the text is owed: both are read again.
        #expect(s.refresh(.fill) == ["a.txt", "b.txt"])
        #expect(try s.find("lighthouse") == ["a.txt"])
        #expect(try s.search.behind(root: s.key) == nil)
        // Caught up: nothing more is read.
        #expect(s.refresh(.fill) == [])
    }

    @Test func aFileChangedUnderAListingIsNeverFoundByItsOldText() throws {
        let s = try Setup()
        try s.library.write("a.txt", Self.story("Harbour works", "lighthouse"))
        try s.library.write("b.txt", Self.story("Orchard news", "cider"))
        #expect(s.refresh(.fill).count == 2)
        #expect(try s.find("lighthouse") == ["a.txt"])

        try s.library.write("a.txt", Self.story("Harbour works, revised", "breakwater and the new pier"))
        try FileManager.default.removeItem(atPath: s.library.path + "/b.txt")
        #expect(s.refresh(.forget) == ["a.txt"])
        #expect(try s.find("lighthouse") == [])
        #expect(try s.find("cider") == [])

        #expect(s.refresh(.fill) == ["a.txt"])
        #expect(try s.find("breakwater") == ["a.txt"])
        #expect(try s.find("lighthouse") == [])
        #expect(s.refresh(.fill) == [])
    }

    @Test func aListingThatChangesNothingOwesNothing() throws {
        let s = try Setup()
        try s.library.write("a.txt", Self.story("Harbour works", "lighthouse"))
        #expect(s.refresh(.fill) == ["a.txt"])
        #expect(s.refresh(.forget) == [])
        #expect(try s.search.behind(root: s.key) == nil)
        #expect(try s.find("lighthouse") == ["a.txt"])
    }

    @Test func anotherFolioPuttingTheRootBehindMeanwhileKeepsTheNote() throws {
        let s = try Setup()
        try s.search.putBehind(root: s.key)
        let seen = try #require(try s.search.behind(root: s.key))
        try s.search.putBehind(root: s.key)  // another folio, while the first one filled
        try s.search.caughtUp(root: s.key, seen: seen)
        #expect(try s.search.behind(root: s.key) == seen + 1)
        try s.search.caughtUp(root: s.key, seen: seen + 1)
        #expect(try s.search.behind(root: s.key) == nil)
    }

    @Test func theListCommandsLoadWithoutIndexingText() throws {
        let s = try Setup()
        try s.library.write("a.txt", Self.story("Harbour works", "lighthouse"))
        let library = Library.load(s.library.path, index: s.index, search: s.search, upkeep: .forget)
        #expect(library.articles.map(\.title) == ["Harbour works"])
        #expect(try s.search.count(root: s.key) == 0)
        _ = Library.load(s.library.path, index: s.index, search: s.search)
        #expect(try s.find("lighthouse") == ["a.txt"])
    }
}
