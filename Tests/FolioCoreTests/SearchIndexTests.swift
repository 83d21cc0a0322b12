import Foundation
import GRDB
import Testing
@testable import FolioCore

/// Full-text search in the index database: ranking, prefixes, phrases,
/// diacritics, updates, hostile queries and snippets.
struct SearchIndexTests {
    static let root = "/library"
    static let fillerWords = """
        council budget meeting river bridge garden school market railway museum
        weather festival station library orchard tower street summer winter spring
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Filler prose of `count` words, the same for the same seed, without any word a test searches for.
    static func filler(_ seed: Int, _ count: Int) -> String {
        (0..<count).map { fillerWords[(seed * 7 + $0 * 3) % fillerWords.count] }.joined(separator: " ")
    }

    /// 60 generated documents and a few written for particular tests.
    static func fixtures() -> [SearchDocument] {
        var docs: [SearchDocument] = []
        for i in 0..<60 {
            docs.append(SearchDocument(path: "gen/\(i).txt", title: "Report \(i) on the \(fillerWords[i % fillerWords.count])",
                                       author: "Writer \(i % 5)", source: "Gazette \(i % 3)",
                                       body: filler(i, 80) + ".\n\n" + filler(i + 1, 40) + "."))
        }
        docs += [
            SearchDocument(path: "title-harbour.md", title: "Harbour lights return to the quay", author: "Maren Holt",
                           source: "Harbour Daily", body: filler(1, 60)),
            SearchDocument(path: "body-harbour.md", title: "Evening notes from the coast", author: "Ian Roe", source: "Coast Weekly",
                           body: filler(2, 40) + " A ferry left the harbour at dawn. " + filler(3, 40)),
            SearchDocument(path: "electric.txt", title: "Ports electrify their berths", body: "Shore power lets ships switch off their generators. " + filler(4, 20)),
            SearchDocument(path: "night-harvest.txt", title: "Orchards after dark", body: "Growers moved the night harvest to cooler hours. " + filler(5, 20)),
            SearchDocument(path: "harvest-night.txt", title: "Pickers", body: "The harvest started at night, under floodlights. " + filler(6, 20)),
            SearchDocument(path: "cafe-accent.html", title: "A corner Café", body: "The café opens at seven and serves crêpes. " + filler(7, 20)),
            SearchDocument(path: "cafe-plain.html", title: "Coffee", body: "A cafe without accents in the text. " + filler(8, 20)),
            SearchDocument(path: "nihon.md", title: "銭湯「松の湯」が再開", body: "Zürich and São Paulo are mentioned here. " + filler(9, 10)),
            SearchDocument(path: "operators.txt", title: "Logic for beginners", body: "Not everything is true or false, and some things are neither. " + filler(10, 10)),
        ]
        return docs
    }

    func makeIndex(_ temp: TempFolder, documents: [SearchDocument] = fixtures(), root: String = root) throws -> SearchIndex {
        let index = SearchIndex(store: IndexStore.open(path: temp.path + "/index.sqlite"))
        try index.update(root: root, documents: documents, removed: [])
        return index
    }

    func paths(_ index: SearchIndex, _ query: String, limit: Int = 100) throws -> [String] {
        try index.search(root: Self.root, query: query, limit: limit).map(\.path)
    }

    @Test func countsTheDocumentsOfARoot() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        #expect(try index.count(root: Self.root) == 69)
        #expect(try index.count(root: "/elsewhere") == 0)
        #expect(try index.paths(root: Self.root).count == 69)
    }

    @Test func aTitleMatchRanksAboveABodyMatch() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        let hits = try index.search(root: Self.root, query: "harbour", limit: 10)
        #expect(hits.map(\.path) == ["title-harbour.md", "body-harbour.md"])
        #expect(hits[0].rank < hits[1].rank)
    }

    @Test func wordsMatchAsPrefixesAndAllMustMatch() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        #expect(Set(try paths(index, "harb")) == ["title-harbour.md", "body-harbour.md"])
        #expect(try paths(index, "electri") == ["electric.txt"])
        #expect(try paths(index, "ELECTRIFY berths") == ["electric.txt"])
        #expect(try paths(index, "electrify harbour") == [])
        // Author and source are searched too.
        #expect(try paths(index, "maren holt") == ["title-harbour.md"])
        #expect(try paths(index, "coast weekly") == ["body-harbour.md"])
        #expect(try paths(index, "\"writer 3\"").count == 12)
    }

    @Test func quotedPhrasesMatchWordsInOrder() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        #expect(Set(try paths(index, "night harvest")) == ["night-harvest.txt", "harvest-night.txt"])
        #expect(try paths(index, "\"night harvest\"") == ["night-harvest.txt"])
        #expect(try paths(index, "\"harvest started at night\"") == ["harvest-night.txt"])
        #expect(try paths(index, "growers \"night harvest\"") == ["night-harvest.txt"])
        // Curly quotes from a phone keyboard work the same.
        #expect(try paths(index, "\u{201C}night harvest\u{201D}") == ["night-harvest.txt"])
        // An unclosed quote is a phrase to the end.
        #expect(try paths(index, "\"night harvest") == ["night-harvest.txt"])
        // A phrase is not a prefix match.
        #expect(try paths(index, "\"night harv\"") == [])
    }

    @Test func accentsAndCaseAreIgnored() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        for query in ["cafe", "café", "CAFÉ", "Cafe\u{301}"] {
            #expect(Set(try paths(index, query)) == ["cafe-accent.html", "cafe-plain.html"], "\(query)")
        }
        #expect(try paths(index, "crepes") == ["cafe-accent.html"])
        #expect(try paths(index, "zurich sao paulo") == ["nihon.md"])
        #expect(try paths(index, "銭湯") == ["nihon.md"])
    }

    @Test func removedAndUpdatedDocuments() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        try index.update(root: Self.root, documents: [
            SearchDocument(path: "electric.txt", title: "Tidal turbines off the headland", body: "Engineers lowered the first turbine. "),
        ], removed: ["title-harbour.md", "never-indexed.txt"])
        #expect(try index.count(root: Self.root) == 68)
        #expect(try paths(index, "harbour") == ["body-harbour.md"])
        #expect(try paths(index, "electrify") == [])
        #expect(try paths(index, "turbine") == ["electric.txt"])

        // Removed and added again in one update: present, with the new text.
        try index.update(root: Self.root, documents: [SearchDocument(path: "title-harbour.md", title: "Harbour again", body: "")],
                         removed: ["title-harbour.md"])
        #expect(try paths(index, "harbour again") == ["title-harbour.md"])
        #expect(try paths(index, "quay") == [])
        #expect(try index.count(root: Self.root) == 69)

        try index.removeAll(root: Self.root)
        #expect(try index.count(root: Self.root) == 0)
        #expect(try paths(index, "report") == [])
    }

    @Test func rootsAreKeptApart() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        try index.update(root: "/other", documents: [SearchDocument(path: "title-harbour.md", title: "Mountain huts", body: "Snow.")], removed: [])
        #expect(try paths(index, "harbour") == ["title-harbour.md", "body-harbour.md"])
        #expect(try index.search(root: "/other", query: "harbour", limit: 10).isEmpty)
        #expect(try index.search(root: "/other", query: "mountain", limit: 10).map(\.path) == ["title-harbour.md"])
        try index.update(root: "/other", documents: [], removed: ["title-harbour.md"])
        #expect(try index.count(root: "/other") == 0)
        #expect(try index.count(root: Self.root) == 69)
    }

    @Test func hostileQueriesNeverRaiseAnError() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        let hostile = [
            "AND OR NOT ( ) * \" ^ :", "AND", "OR", "NOT", "NEAR(a b, 3)", "\"", "\"\"", "\"\"\"", "*", "^", ":", "(", ")",
            "-council", "+council", "council*", "*council", "title:council", "{title body}: council", "council AND", "OR council",
            "col:\"x", "'); DROP TABLE search_text; --", "a\u{0}b", "\u{2}council\u{3}", "   ", "", "🚲🌧", "council\\", "%_",
            String(repeating: "council ", count: 500), String(repeating: "(", count: 1000), "\u{201C}", "x\"y\"z",
        ]
        for query in hostile {
            _ = try index.search(root: Self.root, query: query, limit: 20)
        }
        // Operator words are plain words: NOT finds "not", OR finds "or".
        #expect(Set(try paths(index, "NOT")) == ["operators.txt", "body-harbour.md"])  // "not", "notes"
        #expect(try paths(index, "neither OR") == ["operators.txt"])
        #expect(try paths(index, "(neither) true* ^false") == ["operators.txt"])
        // A colon is not a column filter: "title:logic" is the phrase "title logic".
        #expect(try paths(index, "logic:") == ["operators.txt"])
        #expect(try paths(index, "title:logic") == [])
        #expect(try paths(index, "( ) * ^ :").isEmpty)
        #expect(try index.count(root: Self.root) == 69)
    }

    @Test func theMatchExpressionQuotesEveryTerm() {
        #expect(SearchQuery.matchExpression("harb lights") == "\"harb\"* \"lights\"*")
        #expect(SearchQuery.matchExpression("a \"night harvest\" b") == "\"a\"* \"night harvest\" \"b\"*")
        #expect(SearchQuery.matchExpression("AND OR NOT ( ) * \" ^ :") == "\"AND\"* \"OR\"* \"NOT\"*")
        #expect(SearchQuery.matchExpression("NEAR(a") == "\"NEAR(a\"*")
        #expect(SearchQuery.matchExpression(" ( * ) ") == nil)
        #expect(SearchQuery.matchExpression("") == nil)
        // FTS5 would stop at a NUL: control characters separate words.
        #expect(SearchQuery.matchExpression("harb\u{0}our\tx") == "\"harb\"* \"our\"* \"x\"*")
        #expect(SearchQuery.terms(String(repeating: "w ", count: 100)).count == SearchQuery.maximumTerms)
    }

    @Test func theSnippetShowsTheMatchInContext() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp)
        let hit = try #require(try index.search(root: Self.root, query: "ferry", limit: 1).first)
        #expect(hit.path == "body-harbour.md")
        #expect(hit.highlights.count == 1)
        #expect(hit.snippet[hit.highlights[0]] == "ferry")
        #expect(hit.snippet.contains("A ferry left the harbour at dawn"))
        #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
        #expect(!hit.snippet.contains("\n") && !hit.snippet.contains("  "))
        let words = hit.snippet.split(separator: " ").filter { $0 != "…" }
        #expect((8...12).contains(words.count), "\(hit.snippet)")
        #expect(hit.segments.filter(\.isMatch).map(\.text) == ["ferry"])
        #expect(hit.segments.map(\.text).joined() == hit.snippet[...])

        // Prefix and accent: the word as written in the body is marked.
        let cafe = try #require(try index.search(root: Self.root, query: "cafe open", limit: 5).first)
        #expect(cafe.path == "cafe-accent.html")
        #expect(cafe.highlights.map { String(cafe.snippet[$0]) } == ["café", "opens"])
        #expect(cafe.snippet.hasPrefix("The café opens at seven"))

        // Only the title matched: the body's opening words, unmarked.
        let title = try #require(try index.search(root: Self.root, query: "quay", limit: 1).first)
        #expect(title.highlights.isEmpty)
        #expect(title.snippet.hasPrefix(Self.filler(1, 3)))
    }

    @Test func theSnippetMarkersCannotBeForgedByTheText() throws {
        let temp = try TempFolder()
        let index = try makeIndex(temp, documents: [
            SearchDocument(path: "forged.txt", title: "Forged", body: "Some \u{2}fake\u{3} marks and a real needle here."),
        ])
        let hit = try #require(try index.search(root: Self.root, query: "needle", limit: 1).first)
        #expect(hit.highlights.map { String(hit.snippet[$0]) } == ["needle"])
        #expect(!hit.snippet.contains("\u{2}") && !hit.snippet.contains("\u{3}"))
    }

    @Test func cleaningByBytesGivesWhatCleaningByCharactersGives() {
        // The straightforward version: each mark character becomes a space.
        func byCharacters(_ text: String) -> String {
            String(text.map { $0 == SearchIndex.openMark || $0 == SearchIndex.closeMark ? " " : $0 })
        }
        let pieces = ["a", "é", "e\u{301}", "\u{2}", "\u{3}", "\u{2}\u{301}", "\u{600}\u{3}", "\r\n", "\u{3}\r", " ", "銭", "🇳🇴", "\u{1}", "\u{4}"]
        var seed: UInt64 = 42
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(seed % 12) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            #expect(SearchIndex.clean(text) == byCharacters(text), "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(SearchIndex.clean("x\u{2}y\u{3}z") == "x y z")
    }

    @Test func searchingTwoThousandDocumentsFindsTheRightOnes() throws {
        let temp = try TempFolder()
        // Each document has a unique word ("alpha0042") and every 100th a shared one.
        let spelled = ["alpha", "bravo", "delta", "kilo", "oscar"]
        let docs = (0..<2000).map { i -> SearchDocument in
            let unique = spelled[i % 5] + String(format: "%04d", i)
            let shared = i % 100 == 7 ? " lighthouse keepers" : ""
            return SearchDocument(path: "bulk/\(i).txt", title: "Bulk article \(i)", author: nil, source: "Wire",
                                  body: Self.filler(i, 120) + " \(unique)\(shared). " + Self.filler(i + 3, 60))
        }
        let index = try makeIndex(temp, documents: Array(docs[..<1000]))
        try index.update(root: Self.root, documents: Array(docs[1000...]), removed: [])
        #expect(try index.count(root: Self.root) == 2000)
        #expect(try paths(index, "kilo1233") == ["bulk/1233.txt"])
        #expect(try paths(index, "oscar0004") == ["bulk/4.txt"])
        #expect(Set(try paths(index, "lighthouse keep")) == Set(stride(from: 7, to: 2000, by: 100).map { "bulk/\($0).txt" }))
        #expect(try paths(index, "lighthouse", limit: 5).count == 5)
        // A prefix shared by 400 documents.
        #expect(try paths(index, "delta", limit: 1000).count == 400)
        #expect(Set(try paths(index, "delta1", limit: 1000)) == Set(stride(from: 1002, to: 2000, by: 5).map { "bulk/\($0).txt" }))
    }

    @Test func anIndexFromBeforeFullTextGainsTheSearchTables() throws {
        let temp = try TempFolder()
        let path = temp.path + "/index.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try IndexSchema.migrator.migrate(queue, upTo: "v1: files")
            #expect(try queue.read { try $0.tableExists("search_document") } == false)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO index_meta (key, value) VALUES ('extraction', ?)", arguments: [IndexStore.extractionVersion])
                try db.execute(sql: "INSERT INTO indexed_file (root, path, absolute_path, size, mtime_ns, problem) VALUES ('/r', 'a.txt', '/r/a.txt', 1, 1, 'x')")
            }
        }
        let store = IndexStore.open(path: path)
        #expect(store.path == path)
        // Its files are read again, so that the search index fills.
        #expect(try store.files(under: "/r").isEmpty)
        let index = SearchIndex(store: store)
        try index.update(root: Self.root, documents: [SearchDocument(path: "a.txt", title: "Upgraded", body: "Text.")], removed: [])
        #expect(try paths(index, "upgraded") == ["a.txt"])
    }

    @Test func documentsComeFromArticles() {
        let article = Article(title: "T", author: "A", source: "S", body: [.paragraph([Inline("One.")]), .paragraph([Inline("Two.")])], format: .text)
        let doc = SearchDocument(path: "p.txt", article: article)
        #expect(doc == SearchDocument(path: "p.txt", title: "T", author: "A", source: "S", body: "One.\n\nTwo."))
    }
}
