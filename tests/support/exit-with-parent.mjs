// Loaded with `node --import` into a test server: when the test process that started it goes away
// (its end of the stdin pipe closes), the server shuts down too, so no server outlives a test run.
process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
process.stdin.on("error", () => process.kill(process.pid, "SIGTERM"));
process.stdin.resume();
