-- wrk script: every request creates a new published post (unique title), ~1 KB of Markdown with
-- links and two of ten shared tags. Usage:
--   TOKEN=... wrk -t2 -c4 -d20s -s bench/create-posts.lua http://127.0.0.1:8080
local counter = 0
local run = tostring(os.time()) .. tostring(math.random(100000))
local token = os.getenv("TOKEN")
local body = string.rep("## Notes\\n\\nA paragraph about [consensus](/blog/raft) and [clocks](https://example.org/clocks), with *some* emphasis and `code`.\\n\\n", 6)

function setup(thread)
  thread:set("id", tostring(math.random(1000000)))
end

request = function()
  counter = counter + 1
  local title = "Bench " .. run .. " " .. id .. " " .. counter
  local payload = '{"title": "' .. title .. '", "markdown": "' .. body .. '", "status": "published", "tags": ["bench-'
      .. (counter % 10) .. '", "bench-' .. ((counter + 3) % 10) .. '"]}'
  return wrk.format("POST", "/api/posts", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, payload)
end

response = function(status)
  if status ~= 201 then
    io.stderr:write("status " .. status .. "\n")
  end
end
