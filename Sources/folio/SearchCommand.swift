import ArgumentParser
import FolioCore
import Foundation
import TermKit

/// `folio search WORDS [DIR] [--json]`: the reader's full-text search from scripts.
struct SearchArticles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the text of all articles in a folder (title, author, source, body), best match first.",
        discussion: """
            Words match whole words and their beginnings (harb finds harbour), \
            "quoted words" a phrase. Plain output is one line per article, tab-separated: \
            path, title, the matching snippet.
            """
    )

    @Argument(help: ArgumentHelp("What to search for.", valueName: "words"))
    var words: String

    @Argument(help: ArgumentHelp("Folder of saved articles (default: $FOLIO_DIR, else the current folder).", valueName: "dir"))
    var dir: String?

    @Flag(name: .long, help: "Print a JSON array of {path, title, snippet}.")
    var json = false

    @Option(name: .long, help: "At most this many results.")
    var limit = 100

    @OptionGroup var options: StateOptions

    func run() throws {
        try CommandSupport.run {
            let folder = try CommandSupport.libraryFolder(dir)
            guard SearchQuery.matchExpression(words) != nil else { throw UserError("nothing to search for in '\(words)'") }
            let index = CommandSupport.openIndex(options)
            let search = SearchIndex(store: index)
            // Brings the index up to date first, as `folio list` does.
            let library = Library.load(folder, index: index, search: search)
            let titles = Dictionary(library.articles.map { ($0.path, $0.title) }, uniquingKeysWith: { a, _ in a })
            let hits: [SearchHit]
            do { hits = try search.search(root: Library.indexKey(folder), query: words, limit: max(1, limit)) } catch {
                throw UserError("search: \(error)")
            }
            if json {
                let items = hits.map { hit in
                    JSONValue.object(["path": .string(hit.path), "title": .string(titles[hit.path] ?? ""), "snippet": .string(hit.snippet)])
                }
                CommandSupport.write(JSONValue.array(items).text + "\n")
            } else {
                let lines = hits.map { hit in
                    [PathCoding.display(hit.path), titles[hit.path] ?? "", hit.snippet].map { TerminalText.sanitize($0) }.joined(separator: "\t")
                }
                CommandSupport.write(lines.map { $0 + "\n" }.joined())
            }
            CommandSupport.reportProblems(library)
        }
    }
}
