using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// A minimal Language Server Protocol client: JSON-RPC 2.0 over a server's stdin/stdout with Content-Length framing.
/// It answers the server's own requests (configuration, capability registration, progress) and keeps the server's
/// stderr and last messages, so that a failure can say what the server was doing.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Func<string?, JsonNode?> _configuration;
    private readonly StringBuilder _log = new();
    private readonly object _writeLock = new();
    private int _nextId;

    public LspClient(string executable, string workingDirectory, Func<string?, JsonNode?> configuration)
    {
        _configuration = configuration;
        var psi = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var v in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" }) psi.Environment.Remove(v);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + executable);
        _input = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) Log("stderr: " + e.Data); };
        _process.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" }.Start();
    }

    /// <summary>The server's stderr, log messages and the traffic's outline, for failure messages (last 8000 characters).</summary>
    public string Transcript
    {
        get
        {
            lock (_log) return _log.Length <= 8000 ? _log.ToString() : _log.ToString(_log.Length - 8000, 8000);
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var done = await Task.WhenAny(reply.Task, Task.Delay(timeout));
        if (done != reply.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"the language server did not answer '{method}' within {timeout.TotalSeconds:0} s; transcript:\n{Transcript}");
        }
        return await reply.Task;
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
        Log("-> " + (message["method"]?.GetValue<string>() ?? "response " + message["id"]));
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message) Dispatch(message);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or JsonException)
        {
            Log("reader stopped: " + ex.Message);
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new IOException("the language server closed its output; transcript:\n" + Transcript));
    }

    private void Dispatch(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id != null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var reply))
            {
                if (message["error"] is { } error) reply.TrySetException(new InvalidOperationException("the language server answered with an error: " + error.ToJsonString()));
                else reply.TrySetResult(message["result"]);
            }
            return;
        }
        if (method == "window/logMessage" || method == "window/showMessage") Log("server: " + message["params"]?["message"]);
        else Log("<- " + method);
        if (id is null) return;
        JsonNode? result = method == "workspace/configuration"
            ? new JsonArray((message["params"]?["items"]?.AsArray() ?? new JsonArray()).Select(i => _configuration(i?["section"]?.GetValue<string>())).ToArray())
            : null;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
    }

    private static JsonNode? ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new IOException("a message without Content-Length");
        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body);
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : throw new EndOfStreamException("the language server closed its output mid-header");
            if (b == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add((byte)b);
        }
    }

    private void Log(string line)
    {
        lock (_log) _log.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
