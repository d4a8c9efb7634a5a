import { type DockerClient, statusOf } from '../sandbox/docker/docker-client.js';
import { LABEL_IMAGE, LABEL_MANAGED } from '../sandbox/docker/labels.js';

/** Recipes mspr-lab builds: the candidate runtime and the database services. */
export type ImageRecipeName = 'python' | 'postgres' | 'mariadb';

/** An mspr-lab image present in the local engine. */
export interface ImageInfo {
  recipe: string;
  tag: string;
  id: string;
  createdAt: Date;
  sizeBytes: number;
  /** Labels (packages and versions, build script version…). */
  labels: Record<string, string>;
}

/** Every mspr-lab image in the engine, newest first. */
export async function listImages(client: DockerClient, recipe?: string): Promise<ImageInfo[]> {
  const label = [`${LABEL_MANAGED}=true`, recipe ? `${LABEL_IMAGE}=${recipe}` : LABEL_IMAGE];
  const images = await client.call('list images', (abortSignal) =>
    client.docker.listImages({ filters: { label }, abortSignal }),
  );
  return images
    .flatMap((image) =>
      (image.RepoTags ?? [])
        .filter((tag) => tag !== '<none>:<none>')
        .map((tag) => ({
          recipe: image.Labels?.[LABEL_IMAGE] ?? '?',
          tag,
          id: image.Id,
          createdAt: new Date(image.Created * 1000),
          sizeBytes: image.Size,
          labels: image.Labels ?? {},
        })),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * The image to use for a recipe when the scenario does not name one: the newest one built. The content tag
 * is not recomputed here because that needs apt (seconds); `images build` is what keeps images current.
 */
export async function latestImage(client: DockerClient, recipe: ImageRecipeName): Promise<ImageInfo | undefined> {
  return (await listImages(client, recipe))[0];
}

/** Whether the engine has this exact image (tag), so a build of unchanged content can be skipped. */
export async function imageExists(client: DockerClient, image: string): Promise<boolean> {
  try {
    await client.call('inspect image', (abortSignal) => client.docker.getImage(image).inspect({ abortSignal } as object));
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
