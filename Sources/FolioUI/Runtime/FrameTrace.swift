import Foundation
import FolioCore

/// Timing figures for benchmarks, written when `FOLIO_TRACE=PATH` is set:
/// the time to the first frame (and the resident memory then), and for each
/// key the time from reading it to the frame on the terminal. Lines:
/// `first-frame-ms 12.3`, `rss-kb 45678`, `key-ms 0.42`.
public final class FrameTrace {
    private let path: String
    private let start: UInt64
    private var lines: [String] = []
    private var sawFirstFrame = false

    /// A trace when `FOLIO_TRACE` names a file; `start` is the monotonic time the program began.
    public init?(environment: Environment = .process, start: UInt64) {
        guard let path = environment["FOLIO_TRACE"], !path.isEmpty else { return nil }
        self.path = path
        self.start = start
    }

    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func frameDrawn() {
        guard !sawFirstFrame else { return }
        sawFirstFrame = true
        lines.append(String(format: "first-frame-ms %.2f", Double(Self.now() - start) / 1e6))
        lines.append("rss-kb \(Self.residentKilobytes())")
    }

    func keyHandled(since received: UInt64) {
        lines.append(String(format: "key-ms %.3f", Double(Self.now() - received) / 1e6))
    }

    /// Writes the figures collected so far (appending to the file).
    public func flush() {
        guard !lines.isEmpty, let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try? handle.close()
        lines.removeAll()
    }

    static func residentKilobytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
