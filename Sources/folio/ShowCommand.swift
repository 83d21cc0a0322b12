import ArgumentParser
import FolioCore
import FolioUI
import Foundation
import TermKit

/// `folio show FILE [--json]`
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article as the reader shows it (or as JSON)."
    )

    @Argument(help: ArgumentHelp("An article file (.txt, .md, .markdown, .html, .htm).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print a JSON object with title, subtitle, author, date, source, url, words, body.")
    var json = false

    @Option(name: .long, help: "Wrap width for plain output (default: the terminal's, else 80).")
    var width: Int?

    func run() throws {
        try CommandSupport.run {
            let path = LibraryScanner.realPath(file) ?? file
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw UserError("\(file): is a folder (to list one, use: folio list \(file))")
            }
            let loaded: ArticleLoader.Loaded
            switch ArticleLoader.load(path, displayName: file) {
            case .success(let l): loaded = l
            case .failure(let failure): throw UserError("\(file): \(failure.reason)")
            }
            if json {
                CommandSupport.write(JSONOutput.article(loaded.article) + "\n")
            } else {
                let columns = width ?? Self.terminalWidth()
                let lines = ArticleLayout.lines(for: loaded.article, width: max(20, min(columns, Layout.maxTextWidth)), theme: .standard)
                CommandSupport.write(lines.map { TerminalText.sanitize($0.plainText) }.joined(separator: "\n") + "\n")
            }
        }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
