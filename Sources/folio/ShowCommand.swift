import FolioCore
import FolioUI
import Foundation
import TermKit

/// `folio show FILE [--json]`, `folio show DIR --query QUERY [--json]`
struct Show: FolioCommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Print an article as the reader shows it (or as JSON); with a folder and --query, every matching one.",
        arguments: [.required("file", help: "An article file (.txt, .md, .markdown, .html, .htm), or a folder with --query.")],
        options: [
            .value("query", help: "With a folder: the articles matching a query, as typed after l in the reader, newest first."),
            StateOptions.option,
            .flag("json", help: "Print a JSON object with title, subtitle, author, date, source, url, words, body."),
            .value("width", help: "Wrap width for plain output (default: the terminal's, else 80)."),
        ]
    )

    var file: String
    var query: String?
    var options: StateOptions
    var json: Bool
    var width: Int?

    init(_ arguments: ParsedArguments) throws {
        file = arguments.argument("file")!  // required: the scanner saw it
        query = arguments.value("query")
        options = StateOptions(arguments)
        json = arguments.flag("json")
        width = try arguments.int("width")
    }

    func run() throws {
        try CommandSupport.run {
            let path = LibraryScanner.realPath(file) ?? file
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                guard query != nil else {
                    throw UserError("\(file): is a folder (to list it: folio list \(file); to print articles from it: --query)")
                }
                return try showMatching(folder: file)
            }
            if query != nil { throw UserError("--query needs a folder, and \(file) is a file") }
            let loaded: ArticleLoader.Loaded
            switch ArticleLoader.load(path, displayName: file) {
            case .success(let l): loaded = l
            case .failure(let failure): throw UserError("\(file): \(failure.reason)")
            }
            CommandSupport.write((json ? JSONOutput.article(loaded.article) : rendered(loaded.article)) + "\n")
        }
    }

    /// Every article of `folder` that matches the query, newest first: as the
    /// reader shows them, one after another, or as a JSON array.
    private func showMatching(folder: String) throws {
        let (library, rows, _) = try CommandSupport.matching(folder: folder, query: query, options: options)
        var shown: [String] = []
        for (summary, _) in rows {
            switch ArticleLoader.load(summary.absolutePath, displayName: summary.path) {
            case .success(let loaded): shown.append(json ? JSONOutput.article(loaded.article) : rendered(loaded.article))
            case .failure(let failure): CommandSupport.printError("\(PathCoding.display(summary.path)): \(failure.reason)")
            }
        }
        CommandSupport.reportProblems(library)
        if json {
            CommandSupport.write("[" + shown.joined(separator: ",\n") + "]\n")
        } else if !shown.isEmpty {
            let rule = "\n" + String(repeating: "─", count: columns) + "\n\n"
            CommandSupport.write(shown.joined(separator: rule) + "\n")
        }
    }

    private var columns: Int { max(20, min(width ?? Self.terminalWidth(), Layout.maxTextWidth)) }

    /// The article as the reader lays it out, as plain text.
    private func rendered(_ article: Article) -> String {
        ArticleLayout.lines(for: article, width: columns, theme: .standard).map { TerminalText.sanitize($0.plainText) }.joined(separator: "\n")
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
