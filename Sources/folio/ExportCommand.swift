import FolioCore
import Foundation

/// `folio export [--state PATH] [-o FILE]`
struct ExportState: FolioCommand {
    static let spec = CommandSpec(
        name: "export",
        abstract: "Write all state (read, starred, archived, tags, reading position) as JSON.",
        discussion: """
            The JSON is keyed by article identity (the article's URL, else a hash of its \
            file), so it means the same on another machine: bring it over with \
            'folio import'. Output goes to standard output unless -o names a file.
            """,
        options: [
            .value("output", short: "o", name: "file", help: "Write to this file (replaced whole, never half-written) instead of standard output."),
            StateOptions.option,
        ]
    )

    var output: String?
    var options: StateOptions

    init(_ arguments: ParsedArguments) {
        output = arguments.value("output")
        options = StateOptions(arguments)
    }

    func run() throws {
        try CommandSupport.run {
            let path = StateLocation.resolve(option: options.state)
            // Never create a database just to export it empty (a mistyped --state).
            guard FileManager.default.fileExists(atPath: path) else {
                throw UserError("no state database at \(path); nothing to export (name one with --state)")
            }
            let store = CommandSupport.openStoreForReading(options)
            let export: StateExport
            do { export = try store.exportAll() } catch { throw UserError("cannot read state from \(path): \(error)") }
            let data = export.jsonData()
            if let output, output != "-" {
                try Self.writeWhole(data, to: output)
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    /// Writes beside the target, syncs, then renames over it: a reader never
    /// sees half a file, and a failed export leaves the old file as it was.
    static func writeWhole(_ data: Data, to file: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UserError("\(file): is a folder; name a file to write the export to")
        }
        let folder = (file as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.folio-export-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw UserError("cannot write \(file): \(String(cString: strerror(errno)))") }
        let temporary = String(cString: template)
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                done += n
            }
        }
        if failure == 0 && fchmod(fd, 0o644 & ~Self.umaskValue()) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, file) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw UserError("cannot write \(file): \(String(cString: strerror(failure)))")
        }
    }

    private static func umaskValue() -> mode_t {
        let current = umask(0o022)
        umask(current)
        return current
    }
}
