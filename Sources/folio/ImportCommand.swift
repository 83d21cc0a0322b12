import ArgumentParser
import FolioCore
import Foundation

/// `folio import FILE [--state PATH] [--replace]`
struct ImportState: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read state written by 'folio export' into the state database.",
        discussion: """
            By default the file is merged with what the database has: an article is \
            read, starred or archived when either side says so, its tags are those of \
            both sides, and its reading position the further one; articles only in the \
            database stay. With --replace the database becomes equal to the file. Either \
            way the import is one transaction: a file with any error changes nothing.
            """
    )

    @Argument(help: ArgumentHelp("A file written by 'folio export' ('-' for standard input).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Make the state equal to the file: forget what it does not name, take back marks it does not have.")
    var replace = false

    @OptionGroup var options: StateOptions

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
