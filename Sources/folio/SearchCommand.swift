import FolioCore
import Foundation
import TermKit

/// `folio search WORDS [DIR] [--json]`: the reader's full-text search from scripts.
struct SearchArticles: FolioCommand {
    static let defaultLimit = 100
    static let spec = CommandSpec(
        name: "search",
        abstract: "Search the text of all articles in a folder (title, author, source, body), best match first.",
        discussion: """
            Words match whole words and their beginnings (harb finds harbour), \
            "quoted words" a phrase. Plain output is one line per article, tab-separated: \
            path, title, the matching snippet.
            """,
        arguments: [
            .required("words", help: "What to search for."),
            .optional("dir", help: "Folder of saved articles (default: $FOLIO_DIR, else the current folder)."),
        ],
        options: [
            .flag("json", help: "Print a JSON array of {path, title, snippet}."),
            .value("limit", help: "At most this many results.", default: String(defaultLimit)),
            StateOptions.option,
        ]
    )

    var words: String
    var dir: String?
    var json: Bool
    var limit: Int
    var options: StateOptions

    init(_ arguments: ParsedArguments) throws {
        words = arguments.argument("words")!  // required: the scanner saw it
        dir = arguments.argument("dir")
        json = arguments.flag("json")
        limit = try arguments.int("limit") ?? Self.defaultLimit
        options = StateOptions(arguments)
    }

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
