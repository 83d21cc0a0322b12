import Foundation
import Testing
@testable import folio

/// folio's own command-line parser (Sources/folio/CLI): which command a line
/// runs and with what, and what a mistake prints.
@Suite struct CommandLineParsingTests {
    /// The command a line runs, as its type.
    func command<T: FolioCommand>(_ words: [String], as type: T.Type = T.self) throws -> T {
        guard case .run(let command) = try Folio.parse(words) else {
            Issue.record("\(words) does not run a command")
            throw UsageError(message: "not a command", command: "")
        }
        return try #require(command as? T)
    }

    /// The usage error a line makes.
    func usageError(_ words: [String]) -> UsageError? {
        do {
            _ = try Folio.parse(words)
            return nil
        } catch {
            return error as? UsageError
        }
    }

    @Test func theReaderIsTheDefaultCommand() throws {
        #expect(try command([], as: Browse.self).dir == nil)
        #expect(try command(["Samples"], as: Browse.self).dir == "Samples")
        let browse = try command(["Samples", "--state", "s.db", "--config=c", "--dump-config"], as: Browse.self)
        #expect(browse.dir == "Samples" && browse.options.state == "s.db" && browse.config == "c" && browse.dumpConfig)
        #expect(try command(["browse", "Samples"], as: Browse.self).dir == "Samples")
        // A folder named like a command: after `--`, or as a path.
        #expect(try command(["--", "list"], as: Browse.self).dir == "list")
        #expect(try command(["./list"], as: Browse.self).dir == "./list")
        #expect(try command(["list", "--", "--json"], as: ListArticles.self).dir == "--json")
    }

    @Test func optionsTakeTheirValueEitherWay() throws {
        let list = try command(["list", "--query=unread newer:7d", "lib", "--json", "--state", "s.db"], as: ListArticles.self)
        #expect(list.query == "unread newer:7d" && list.dir == "lib" && list.json && !list.unread && list.options.state == "s.db")
        #expect(try command(["list", "--query", "a", "--query", "b"], as: ListArticles.self).query == "b")
    }

    @Test func everyCommandReadsItsArguments() throws {
        let show = try command(["show", "a.md", "--width=60", "--json"], as: Show.self)
        #expect(show.file == "a.md" && show.width == 60 && show.json && show.query == nil)
        let search = try command(["search", "harbour wall", "lib"], as: SearchArticles.self)
        #expect(search.words == "harbour wall" && search.dir == "lib" && search.limit == 100)
        #expect(try command(["search", "x", "--limit", "5"], as: SearchArticles.self).limit == 5)
        let mark = try command(["mark", "-v", "unread", "a.txt", "b.txt"], as: Mark.self)
        #expect(mark.state == .unread && mark.files == ["a.txt", "b.txt"] && mark.verbose)
        #expect(try command(["mark", "read", "a.txt", "--verbose"], as: Mark.self).verbose)
        let export = try command(["export", "-o", "out.json", "--state", "s.db"], as: ExportState.self)
        #expect(export.output == "out.json" && export.options.state == "s.db")
        #expect(try command(["export", "--output=-"], as: ExportState.self).output == "-")
        let imported = try command(["import", "-", "--replace"], as: ImportState.self)
        #expect(imported.file == "-" && imported.replace)
    }

    @Test func helpAndVersion() throws {
        guard case .help(let overview) = try Folio.parse(["--help"]) else { Issue.record("no help"); return }
        #expect(overview.contains("OVERVIEW: A keyboard-driven terminal reader for saved articles."))
        #expect(overview.contains("  browse (default)        Open the reader on a folder (the default command)."))
        for words in [["-h"], ["help"]] {
            guard case .help(let text) = try Folio.parse(words) else { Issue.record("no help for \(words)"); continue }
            #expect(text == overview)
        }
        for words in [["list", "--help"], ["list", "-h"], ["help", "list"], ["list", "lib", "--json", "-h"]] {
            guard case .help(let text) = try Folio.parse(words) else { Issue.record("no help for \(words)"); continue }
            #expect(text.hasPrefix("OVERVIEW: List the articles in a folder, newest first.\n"))
            #expect(text.contains("USAGE: folio list [<dir>] [--json] [--unread] [--query <query>] [--state <path>]\n"))
            #expect(text.contains("  --unread                Only unread articles.\n"))
        }
        // Help wins over a missing argument.
        guard case .help(let show) = try Folio.parse(["show", "--help"]) else { Issue.record("no help for show"); return }
        #expect(show.contains("  --width <width>         Wrap width for plain output"))
        guard case .help(let search) = try Folio.parse(["help", "search"]) else { Issue.record("no help for search"); return }
        #expect(search.contains("At most this many results. (default: 100)"))
        guard case .help(let export) = try Folio.parse(["export", "-h"]) else { Issue.record("no help for export"); return }
        #expect(export.contains("  -o, --output <file>     Write to this file"))
        for words in [["--version"], ["list", "--version"]] {
            guard case .version = try Folio.parse(words) else { Issue.record("no version for \(words)"); continue }
        }
    }

    @Test func mistakesAreUsageErrors() {
        #expect(usageError(["list", "--jsn"]) == UsageError(message: "unknown option '--jsn' (did you mean --json?)", command: "list"))
        #expect(usageError(["export", "--out", "x"])?.message == "unknown option '--out' (did you mean --output?)")
        #expect(usageError(["list", "-x"])?.message == "unknown option '-x'")
        #expect(usageError(["list", "--query"])?.message == "missing value for '--query <query>'")
        #expect(usageError(["show", "a.md", "--width", "-5"])?.message == "missing value for '--width <width>'")
        #expect(usageError(["export", "--output="])?.message == "missing value for '--output <file>'")
        #expect(usageError(["show"])?.message == "missing argument <file>")
        #expect(usageError(["mark", "read"])?.message == "missing argument <file>")
        #expect(usageError(["mark", "done", "a.txt"])?.message == "<state> must be read or unread, not 'done'")
        #expect(usageError(["list", "a", "b"])?.message == "unexpected argument 'b'")
        #expect(usageError(["search", "x", "--limit", "x"])?.message == "--limit needs a whole number, not 'x'")
        #expect(usageError(["show", "a.md", "--width=wide"])?.message == "--width needs a whole number, not 'wide'")
        #expect(usageError(["list", "--json=yes"])?.message == "option '--json' takes no value (given 'yes')")
        #expect(usageError(["--unread"]) == UsageError(message: "unknown option '--unread'", command: "browse"))
        #expect(usageError(["help", "lst"])?.message == "no command 'lst' (did you mean list?)")
    }
}

/// The same through the binary: what reaches stdout, stderr and the exit status.
@Suite struct CommandLineBinaryTests {
    /// Runs folio; its output, error output and exit status.
    func folio(_ arguments: [String]) -> (out: String, err: String, status: Int32) {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)").path
        defer { unlink(errors); unlink(errors + ".status") }
        let out = Shell.run(["sh", "-c", "\"$@\" 2>\"$0\" </dev/null; echo $? >\"$0.status\"", errors, TmuxSession.folioBinary] + arguments) ?? ""
        let err = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let status = (try? String(contentsOfFile: errors + ".status", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (out, err, status ?? -1)
    }

    @Test func versionAndHelpGoToStandardOutput() {
        let version = folio(["--version"])
        #expect(version.out == FolioVersion.string + "\n" && version.err.isEmpty && version.status == 0)
        let help = folio(["help", "mark"])
        #expect(help.status == 0 && help.err.isEmpty)
        #expect(help.out.contains("USAGE: folio mark <state> <file> ... [--verbose] [--state <path>]\n"))
        #expect(help.out.contains("  <state>                 read or unread. (values: read, unread)\n"))
        #expect(help.out.contains("  -v, --verbose           Print each file once its change is saved.\n"))
    }

    @Test func usageErrorsExitWith64AndAHint() {
        for (words, message, hint) in [
            (["list", "--jsn"], "folio: unknown option '--jsn' (did you mean --json?)", "Run 'folio list --help' for usage."),
            (["search"], "folio: missing argument <words>", "Run 'folio search --help' for usage."),
            (["show", "a.md", "--query"], "folio: missing value for '--query <query>'", "Run 'folio show --help' for usage."),
            (["import", "a.json", "b.json"], "folio: unexpected argument 'b.json'", "Run 'folio import --help' for usage."),
            (["search", "x", "--limit", "x"], "folio: --limit needs a whole number, not 'x'", "Run 'folio search --help' for usage."),
            (["--config"], "folio: missing value for '--config <path>'", "Run 'folio browse --help' for usage."),
        ] {
            let result = folio(words)
            #expect(result.status == 64, "\(words)")
            #expect(result.err == message + "\n" + hint + "\n", "\(words)")
            #expect(result.out.isEmpty, "\(words)")
        }
    }

    @Test func commandErrorsStillExitWith1() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-missing-\(UUID().uuidString)").path
        let result = folio(["list", "--json", "--state", missing + "/state.sqlite", "--", missing])
        #expect(result.status == 1)
        #expect(result.err == "folio: \(missing): no such folder\n")
    }

    @Test func aFolderNamedLikeACommandIsRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("list")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "A title\n\nSome words in a body.\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let state = root.appendingPathComponent("state.sqlite").path
        let listed = folio(["list", "--state=" + state, "--json", "--", folder.path])
        #expect(listed.status == 0 && listed.out.contains("\"title\": \"A title\""))
    }
}
