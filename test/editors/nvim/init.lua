-- Headless Neovim (0.7+) as an LSP client of the Corroborate server.
-- Usage: CORROBORATE_LSP_CMD='node dist/server.js --stdio' CORROBORATE_ROOT=/ws \
--        nvim --headless --clean -u test/editors/nvim/init.lua /ws/draft.md
-- Prints one JSON line per check and a final "N passed, N failed" line; exits 1 on failure.

local TIMEOUT = tonumber(os.getenv('CORROBORATE_TIMEOUT_MS') or '15000')
local passed, failed = 0, 0

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function record(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out(vim.fn.json_encode({ test = name, ok = ok and true or false, detail = detail or vim.NIL }))
end

-- vim.diagnostic keeps only part of the LSP diagnostic (code, data... in user_data.lsp);
-- rebuild the LSP shape for the code action request, as vim.lsp.buf.code_action does.
local function lsp_diagnostic(d)
  local lsp = (d.user_data and d.user_data.lsp) or {}
  return vim.tbl_extend('keep', {
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code or lsp.code,
  }, lsp)
end

local function with_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if lsp_diagnostic(d).code == code then return d end
  end
  return nil
end

local function find(buf, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col - 1 } end
  end
  return nil
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  for _, response in pairs(responses or {}) do
    if response.result ~= nil then return response.result end
  end
  return nil
end

local function finish(client_id)
  if client_id then
    vim.lsp.stop_client(client_id)
    vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  end
  out(string.format('%d passed, %d failed', passed, failed))
  if failed > 0 then vim.cmd('cquit! 1') else vim.cmd('qall!') end
end

local function run()
  local cmd = vim.split(os.getenv('CORROBORATE_LSP_CMD') or 'node dist/server.js --stdio', ' ', { trimempty = true })
  local root = os.getenv('CORROBORATE_ROOT') or vim.fn.getcwd()
  local buf = vim.api.nvim_get_current_buf()
  local started = vim.loop.hrtime()
  local publishes = 0
  local client_id = vim.lsp.start_client({
    name = 'corroborate',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        publishes = publishes + 1
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  record('server starts', client_id ~= nil, table.concat(cmd, ' '))
  if not client_id then return finish(nil) end
  vim.lsp.buf_attach_client(buf, client_id)

  -- Diagnostics arrive through publishDiagnostics (Neovim 0.7 has no pull diagnostics).
  -- The server publishes once the corpus is indexed and the draft checked.
  vim.wait(TIMEOUT, function() return publishes > 0 end, 20)
  local got = with_code(buf, 'contradicted') ~= nil
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(codes, tostring(lsp_diagnostic(d).code)) end
  record('diagnostics', got and with_code(buf, 'unsupported') ~= nil,
    string.format('%s after %d ms', table.concat(codes, ','), (vim.loop.hrtime() - started) / 1e6))

  local uri = vim.uri_from_bufnr(buf)
  local at = find(buf, 'ninety')
  local hover = at and request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = at })
  local text = hover and hover.contents and (hover.contents.value or hover.contents) or ''
  if type(text) ~= 'string' then text = vim.inspect(text) end
  record('hover shows the citation', text:find('train.md', 1, true) ~= nil and text:find('ninety carriages', 1, true) ~= nil,
    vim.fn.strcharpart(text, 0, 200))  -- characters, not bytes: a cut UTF-8 sequence breaks json_encode

  local contradicted = with_code(buf, 'contradicted')
  local fixed = false
  local title = 'no action; offered: '
  if contradicted then
    local diagnostic = lsp_diagnostic(contradicted)
    local actions = request(buf, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = diagnostic.range,
      context = { diagnostics = { diagnostic } },
    }) or {}
    local client = vim.lsp.get_client_by_id(client_id)
    local provider = client and client.resolved_capabilities.code_action
    for _, action in ipairs(actions) do
      title = title .. action.title .. ' | '
      -- Neovim 0.7 declares resolveSupport for edits: the server sends them through
      -- codeAction/resolve, which vim.lsp.buf.code_action calls for an action without one.
      if not action.edit and type(provider) == 'table' and provider.resolveProvider
          and action.title:find("Use the source's value", 1, true) then
        action = request(buf, 'codeAction/resolve', action) or action
      end
      if action.edit and action.title:find("Use the source's value", 1, true) then
        title = action.title
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        fixed = find(buf, 'top speed of 60 km/h') ~= nil
        break
      end
    end
  end
  record("code action: use the source's value", fixed, title)

  -- The edit is sent as didChange; the re-check must clear the contradiction.
  local cleared = fixed and vim.wait(TIMEOUT, function() return with_code(buf, 'contradicted') == nil end, 20)
  record('diagnostic gone after the fix', cleared and true or false, nil)
  finish(client_id)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      record('no Lua error', false, tostring(err))
      finish(nil)
    end
  end,
})
