import Foundation

/// Runs a database's command-line client and returns what it printed: the shared part of the
/// kit's readers, public for a connector author's own ``IndependentReader``.
public struct ClientProcess: Sendable {
    /// The program, looked up on `PATH` unless it contains a `/`.
    public let program: String
    /// Debian package that provides it, for the error when it is missing.
    public let package: String
    public var timeout: TimeInterval = 60

    public init(program: String, package: String, timeout: TimeInterval = 60) {
        self.program = program
        self.package = package
        self.timeout = timeout
    }

    /// Runs `program arguments` with `environment` added to this process's (never logged: it
    /// may hold a password); stdin is empty. Returns stdout.
    /// - throws: ``IndependentReaderError`` when it cannot start, times out or exits non-zero
    ///   (with its stderr, which names the failing statement but holds no password).
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Data {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw IndependentReaderError(program: program, message: "cannot run it: \(error) (install the Debian package \(package))")
        }
        let output = Collected(), errors = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { output.set(out.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let timedOut = Collected()
        let timer = DispatchWorkItem {
            if process.isRunning { timedOut.set(Data([1])); process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        group.wait()
        let stderr = String(decoding: errors.value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !timedOut.value.isEmpty {
            throw IndependentReaderError(program: program, message: "no answer within \(Int(timeout)) s")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            var message = "exit status \(process.terminationStatus)"
            if process.terminationStatus == 127 && program.firstIndex(of: "/") == nil {
                message += " (is it installed? the Debian package is \(package))"
            }
            throw IndependentReaderError(program: program, message: stderr.isEmpty ? message : "\(message): \(stderr)")
        }
        return output.value
    }
}

/// Bytes filled in by another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
    func set(_ new: Data) { lock.lock(); data = new; lock.unlock() }
}

/// An ``IndependentReader`` could not run its client, or the engine refused the SQL.
public struct IndependentReaderError: Error, CustomStringConvertible {
    /// The client program, e.g. `psql`.
    public let program: String
    public let message: String
    public var description: String { "\(program): \(message)" }

    public init(program: String, message: String) {
        self.program = program
        self.message = message
    }
}
