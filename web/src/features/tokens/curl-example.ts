/** How a script calls the API with a token: the same line in the page and in the "token created" dialog. */
export function curlExample(ws: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/workspaces/${ws}`;
}
