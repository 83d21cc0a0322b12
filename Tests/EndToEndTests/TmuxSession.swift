import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real folio binary in an isolated tmux server, as a person would
/// use it, and reads the screen back as text.
final class TmuxSession {
    let socket = "folio-e2e-\(UUID().uuidString.prefix(8))"
    let width: Int
    let height: Int

    static var available: Bool { Shell.which("tmux") != nil }

    /// The folio binary built next to this test bundle.
    static var folioBinary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("folio").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/folio"
    }

    init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
    }

    deinit { _ = tmux(["kill-server"]) }

    /// Starts `command` (argv) in a new session.
    func start(_ command: [String], environment: [String: String] = [:]) {
        let env = ["LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 }
        let argv = ["env"] + env.map { "\($0.key)=\($0.value)" }.sorted() + command
        // The tmux server this starts would inherit a pipe and keep it open: no capture.
        Shell.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                   argv.map(Shell.quote).joined(separator: " ")], captureOutput: false)
        // Let programs write tmux's clipboard (OSC 52), so a leaked write would show in `buffers`.
        _ = tmux(["set-option", "-g", "set-clipboard", "on"])
    }

    func send(_ keys: String...) { _ = tmux(["send-keys"] + keys) }

    var screen: String { tmux(["capture-pane", "-p"]) ?? "" }

    /// The terminal title as the program in the pane left it.
    var paneTitle: String { tmux(["display-message", "-p", "#{pane_title}"])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// tmux's paste buffers: where an OSC 52 clipboard write would land.
    var buffers: String { tmux(["list-buffers"]) ?? "" }

    var isRunning: Bool { tmux(["has-session"]) != nil }

    /// The pid of the program in the pane.
    var panePID: Int32? { tmux(["list-panes", "-F", "#{pane_pid}"]).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }

    /// Polls the screen until `predicate` holds (never a fixed sleep); returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = screen
            if predicate(text) { return text }
            usleep(50_000)
        }
        return nil
    }

    func waitUntilExited(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return true }
            usleep(50_000)
        }
        return false
    }

    @discardableResult
    private func tmux(_ arguments: [String]) -> String? {
        Shell.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }
}

/// Runs programs with posix_spawn and waitpid (Foundation's Process can hang
/// in waitUntilExit on Linux when a child leaves a daemon behind).
enum Shell {
    /// Tests run in parallel: a pipe made on one thread must not leak into a
    /// program another thread starts (a tmux server would keep it open for
    /// good, and the reader of the pipe would never see its end). Pipes are
    /// made close-on-exec, and programs started, under one lock.
    static let spawnLock = NSLock()

    static func privatePipe(_ fds: inout [Int32]) -> Bool {
        spawnLock.withLock {
            guard pipe(&fds) == 0 else { return false }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return true
        }
    }

    /// Runs a program found on PATH; its standard output when it exits with 0, else nil.
    @discardableResult
    static func run(_ argv: [String], captureOutput: Bool = true) -> String? {
        var pipe: [Int32] = [-1, -1]
        guard Shell.privatePipe(&pipe) else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // Children start with no blocked signals, whatever this test thread has blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = spawnLock.withLock { posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ) }
        close(pipe[1])
        guard spawned == 0 else { close(pipe[0]); return nil }
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(pipe[0], &chunk, chunk.count)
            if n > 0 { output += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return exited && (status >> 8) & 0xff == 0 ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Runs a program with its standard input fed `keys` (one every 150 ms, after
    /// a second to start) and returns every byte it wrote to standard output.
    static func runInPseudoTerminal(_ argv: [String], environment: [String: String], keys: [String]) -> [UInt8] {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard Shell.privatePipe(&input), Shell.privatePipe(&output) else { return [] }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in input + output { posix_spawn_file_actions_addclose(&actions, fd) }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cEnv = env.map { strdup($0) } + [nil]
        defer { cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = Shell.spawnLock.withLock { posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv) }
        close(input[0])
        close(output[1])
        guard spawned == 0 else { close(input[1]); close(output[0]); return [] }
        let reader = OutputCollector(fd: output[0])
        reader.start()
        usleep(1_000_000)
        for key in keys {
            _ = key.utf8CString.withUnsafeBufferPointer { write(input[1], $0.baseAddress, $0.count - 1) }
            usleep(150_000)
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(20_000)
        }
        close(input[1])
        return reader.finish()
    }

    /// Runs a program and returns its standard output and standard error.
    static func runCapturingBoth(_ argv: [String]) -> (stdout: String, stderr: String) {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("folio-stderr-\(UUID().uuidString)").path
        defer { unlink(errorFile) }
        let out = run(["sh", "-c", "\"$@\" 2>\"$0\"; true", errorFile] + argv) ?? ""
        let err = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        return (out, err)
    }

    /// Starts a program, kills it with SIGKILL after `delay` microseconds, and
    /// returns whatever it had written to standard output by then.
    static func runKilled(_ argv: [String], afterMicroseconds delay: UInt32) -> String {
        var pipe: [Int32] = [-1, -1]
        guard Shell.privatePipe(&pipe) else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = Shell.spawnLock.withLock { posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) }
        close(pipe[1])
        guard spawned == 0 else { close(pipe[0]); return "" }
        usleep(delay)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(pipe[0], &chunk, chunk.count)
            if n > 0 { output += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        close(pipe[0])
        return String(decoding: output, as: UTF8.self)
    }

    static func which(_ name: String) -> String? {
        run(["which", name])?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Reads a pipe to its end on a thread of its own.
final class OutputCollector: @unchecked Sendable {
    private let fd: Int32
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(fd: Int32) { self.fd = fd }

    func start() {
        Thread {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(self.fd, &chunk, chunk.count)
                if n > 0 { self.bytes += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
            }
            close(self.fd)
            self.done.signal()
        }.start()
    }

    func finish() -> [UInt8] {
        done.wait()
        return bytes
    }
}
