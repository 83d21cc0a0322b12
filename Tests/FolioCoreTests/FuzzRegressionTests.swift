import Foundation
import Testing
@testable import FolioCore

/// Inputs found by the libFuzzer targets (Fuzz/, scripts/fuzz), kept as regression tests.
/// Drop a crasher into Fixtures/fuzz/<text|markdown|html>/ as it is; each file must load or
/// fail with an `ExtractionError`, and write nothing to stderr (the screen, under ncurses).
///
/// html/libxml2-encoding-error-*: found by FuzzHTML, whose runs filled stderr with libxml2's
/// "encoding error : input conversion failed" (and "I/O error : encoder error") for pages
/// whose bytes don't fit their charset. libxml2 prints those through its generic error
/// handler even with HTML_PARSE_NOERROR; HTMLParser now installs a silent one.
@Suite(.timeLimit(.minutes(1)))
struct FuzzRegressionTests {
    static let formats: [(folder: String, format: ArticleFormat)] = [("text", .text), ("markdown", .markdown), ("html", .html)]

    static var crashers: [String] {
        formats.flatMap { folder, _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.path("fuzz/" + folder))) ?? [])
                .sorted().map { "fuzz/\(folder)/\($0)" }
        }
    }

    @Test(arguments: crashers)
    func crasherLoadsOrFailsCleanly(_ relative: String) throws {
        let bytes = try Fixture.bytes(relative)
        let format = Self.formats.first { relative.hasPrefix("fuzz/\($0.folder)/") }!.format
        var outcome: String?
        let stderr = Self.capturingStandardError {
            do {
                let article = try Extractors.extractor(for: format).extract(from: bytes, fileName: relative)
                outcome = "loaded \(article.body.count) blocks"
            } catch {
                outcome = "failed: \(error)"  // an ExtractionError: the extractors throw nothing else
            }
        }
        #expect(outcome != nil)
        // Only libxml2's messages would come from this thread; other tests may print too.
        #expect(!stderr.contains("encoding error"), "libxml2 wrote to stderr: \(stderr)")
        #expect(!stderr.contains("I/O error"), "libxml2 wrote to stderr: \(stderr)")
    }

    /// Many captures at once, as parallel test cases make them: each sees its own writes,
    /// and afterwards descriptor 2 is the same file it was before, not one of the
    /// temporary files (which would swallow the rest of the test run's output).
    @Test func parallelCapturesLeaveStandardErrorWhereItWas() throws {
        let (before, saved) = Self.standardErrorLock.withLock { (Self.fileIdentity(2), dup(2)) }
        defer { close(saved) }
        let bytes = try Fixture.bytes(Self.crashers.first { $0.hasPrefix("fuzz/html/") }!)
        let seenOwnWrite = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 24) { i in
            let marker = "capture-\(i)-\(UUID().uuidString)"
            let captured = Self.capturingStandardError {
                _ = try? Extractors.extractor(for: .html).extract(from: bytes, fileName: "crasher.html")
                fputs(marker + "\n", stderr)
            }
            if captured.contains(marker) { seenOwnWrite.update { $0 += 1 } }
        }
        let after = Self.standardErrorLock.withLock { Self.fileIdentity(2) }
        // Put stderr back if a capture lost it, so that this failure is still reported.
        if after != before { Self.standardErrorLock.withLock { _ = dup2(saved, 2) } }
        #expect(after == before, "descriptor 2 was left on another file")
        #expect(seenOwnWrite.value == 24)
    }

    /// Device and inode of the file behind a descriptor.
    static func fileIdentity(_ fd: Int32) -> [UInt64] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return [] }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Held for the whole of a capture. File descriptor 2 belongs to the process, and the
    /// test cases above run in parallel: without it, a second capture saves the first one's
    /// temporary file as "the real stderr" and puts it back last, and everything the test
    /// runner writes afterwards (the remaining results, the summary) goes to a deleted file.
    static let standardErrorLock = NSLock()

    /// Runs `body` with file descriptor 2 sent to a temporary file; returns what was written
    /// (and writes it on to the real stderr). One capture at a time (`standardErrorLock`).
    static func capturingStandardError(_ body: () -> Void) -> String {
        let path = NSTemporaryDirectory() + "/folio-fuzz-stderr-\(getpid())-\(UUID().uuidString)"
        let redirected: Bool = standardErrorLock.withLock {
            fflush(stderr)
            let saved = dup(2)
            let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard saved >= 0, file >= 0 else {
                if saved >= 0 { close(saved) }
                if file >= 0 { close(file) }
                return false
            }
            dup2(file, 2)
            close(file)
            body()
            fflush(stderr)
            dup2(saved, 2)
            close(saved)
            return true
        }
        defer { unlink(path) }
        guard redirected else { body(); return "" }
        let captured = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        // Tests run in parallel: hand back whatever others (the test runner) wrote meanwhile.
        FileHandle.standardError.write(captured)
        return String(decoding: captured, as: UTF8.self)
    }
}
