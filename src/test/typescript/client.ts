// A frontend's client, typed only by what openapi-typescript generates from /q/openapi.
// If the document stops describing what these calls send and read, this file stops compiling.
import type { components, paths } from "./generated/crosslink";

type Post = components["schemas"]["Post"];
type PostInput = components["schemas"]["PostInput"];
type PostPage = paths["/api/posts"]["get"]["responses"]["200"]["content"]["application/json"];
type ListQuery = NonNullable<paths["/api/posts"]["get"]["parameters"]["query"]>;
type Problem = components["schemas"]["Problem"];

const base = "http://localhost:8080";

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  return (await response.json()) as T;
}

export async function listPosts(query: ListQuery = { page: 1, size: 20, sort: "-publishedAt" }): Promise<Post[]> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const page = await json<PostPage>(await fetch(`${base}/api/posts?${params}`));
  const titles: string[] = page.items.map((p) => p.title);
  console.log(`${page.totalItems} posts; first page: ${titles.join(", ")}`);
  return page.items;
}

export async function readPost(slug: string): Promise<Post> {
  const post = await json<Post>(await fetch(`${base}/api/posts/${encodeURIComponent(slug)}`));
  const published: string | null | undefined = post.publishedAt; // null for a draft
  const category: string | undefined = post.category?.slug;
  console.log(post.title, published, category, post.tags?.map((t) => t.slug));
  return post;
}

export async function createPost(token: string, input: PostInput): Promise<Post> {
  return json<Post>(await fetch(`${base}/api/posts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  }));
}

export async function demo(token: string): Promise<void> {
  const created = await createPost(token, {
    title: "Typed from the OpenAPI document",
    markdown: "Generated with **openapi-typescript**.",
    status: "published",
    tags: ["typescript"],
  });
  await readPost(created.slug);
  await listPosts();
}
