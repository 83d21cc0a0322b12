import FolioCore
import Foundation

/// `folio import FILE [--state PATH] [--replace]`
struct ImportState: FolioCommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Read state written by 'folio export' into the state database.",
        discussion: """
            By default the file is merged with what the database has: an article is \
            read, starred or archived when either side says so, its tags are those of \
            both sides, and its reading position the further one; articles only in the \
            database stay. With --replace the database becomes equal to the file. Either \
            way the import is one transaction: a file with any error changes nothing.
            """,
        arguments: [.required("file", help: "A file written by 'folio export' ('-' for standard input).")],
        options: [
            .flag("replace", help: "Make the state equal to the file: forget what it does not name, take back marks it does not have."),
            StateOptions.option,
        ]
    )

    var file: String
    var replace: Bool
    var options: StateOptions

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")!  // required: the scanner saw it
        replace = arguments.flag("replace")
        options = StateOptions(arguments)
    }

    func run() throws {
        try CommandSupport.run {
            let data = try Self.read(file)
            let export: StateExport
            do {
                export = try StateExport.parse(data)
            } catch {
                throw UserError("\(file): \(error); nothing was imported")
            }
            let store = try CommandSupport.openStore(options)
            let summary: ImportSummary
            do {
                summary = try store.importAll(export, mode: replace ? .replace : .merge)
            } catch {
                throw UserError("\(error); nothing was imported")
            }
            var parts = ["\(summary.added) new", "\(summary.updated) updated", "\(summary.unchanged) unchanged"]
            if replace { parts.append("\(summary.removed) removed") }
            let count = export.articles.count
            CommandSupport.write("Imported \(count) article\(count == 1 ? "" : "s") (\(parts.joined(separator: ", "))).\n")
        }
    }

    static func read(_ file: String) throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { throw UserError("\(file): no such file") }
        guard !isDirectory.boolValue else { throw UserError("\(file): is a folder; name a file written by 'folio export'") }
        guard let data = FileManager.default.contents(atPath: file) else { throw UserError("\(file): cannot read it (permission denied?)") }
        return data
    }
}
