/**
 * `whydenied mcp`: a Model Context Protocol server over stdio for chatbots. Two tools, both thin
 * calls into the core: `explain_access_denied` (the Markdown answer plus the JSON as structured
 * content) and `simulate_policy` (POST /v1/simulate). Inputs use the HTTP API's schemas and limits.
 * stdout is the protocol channel: nothing else may write to it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { explain, simulate } from '../core/index.js';
import { renderMarkdown } from '../core/render/index.js';
import type { ExplainInput, SimulateInput } from '../core/types.js';
import { ExplainRequestSchema } from '../shared/request-schemas.js';
import { ExplanationSchema, SimulateRequestSchema, SimulateResponseSchema } from '../shared/response-schemas.js';
import { readVersion } from '../cli/version.js';

const EXPLAIN_DESCRIPTION =
  'Explain an AWS authorization failure (AccessDenied, AccessDeniedException, UnauthorizedOperation, ' +
  'ExpiredToken, InvalidClientTokenId, …). Pass the error text exactly as printed (a stack trace or log is fine) ' +
  'and, when known, the policies involved (trust, identity, resource, SCP, RCP, permissions boundary, session, ' +
  'VPC endpoint — JSON or the raw output of aws iam get-role etc.), what the call sent (request) and other IAM ' +
  'condition keys (context). Returns the parsed error, the likely root causes ranked with evidence, AWS CLI ' +
  'commands that confirm each one, and the fix with a corrected policy. The text content is Markdown fit to ' +
  'show to a person; structuredContent holds the same answer as JSON.';

const SIMULATE_DESCRIPTION =
  'Evaluate pasted IAM policies for one request (principal, action, resource, condition context) the way AWS ' +
  'does, without an error message. Returns the decision (allow, explicit-deny, implicit-deny, or unknown under ' +
  'missing: "unknown"), each policy\'s verdict with per-statement reasons, and the context keys that would decide.';

const INSTRUCTIONS =
  'whydenied explains AWS authorization failures offline; it never calls AWS. When a user pastes an AWS error ' +
  '(AccessDenied, "is not authorized to perform", UnauthorizedOperation, ExpiredToken, InvalidClientTokenId, …), ' +
  'call explain_access_denied with the text exactly as pasted, plus any policies they shared. Show the Markdown ' +
  'answer, or summarise its top cause and its confirm commands; ask for the policies it names when the answer is ' +
  'only "possible". Use simulate_policy to check a policy change before suggesting it.';

/** Builds the server with its tools registered; not yet connected. */
export function createMcpServer(): McpServer {
  const server = new McpServer({ name: 'whydenied', version: readVersion() }, { instructions: INSTRUCTIONS });

  server.registerTool(
    'explain_access_denied',
    {
      title: 'Explain an AWS AccessDenied error',
      description: EXPLAIN_DESCRIPTION,
      inputSchema: ExplainRequestSchema,
      outputSchema: ExplanationSchema,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args) => {
      const answer = explain(args as ExplainInput);
      return {
        content: [{ type: 'text' as const, text: renderMarkdown(answer) }],
        structuredContent: answer as unknown as Record<string, unknown>,
      };
    },
  );

  server.registerTool(
    'simulate_policy',
    {
      title: 'Simulate IAM policy evaluation',
      description: SIMULATE_DESCRIPTION,
      inputSchema: SimulateRequestSchema,
      outputSchema: SimulateResponseSchema,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args) => {
      const result = simulate(args as SimulateInput);
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }],
        structuredContent: result as unknown as Record<string, unknown>,
      };
    },
  );

  return server;
}

/** Serves over stdio until stdin closes. */
export async function startMcpServer(): Promise<void> {
  const server = createMcpServer();
  const transport = new StdioServerTransport();
  await server.connect(transport);
}
