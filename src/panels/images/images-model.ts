import { signal } from '@preact/signals';
import type { DescribeImagesInput, Image } from '../../cloud/ec2';
import {
  deregisterImage,
  describeImages,
  describeLaunchPermissions,
  ec2Call,
  ec2List,
  type LaunchPermissions,
  type ModifyLaunchPermissionsInput,
  modifyLaunchPermissions,
  type RegisterImageInput,
  registerImage,
} from '../../cloud/ec2';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import { asError } from '../errors';
import type { ModelDeps } from '../model-deps';
import { bundleTaskActions, createBundleTasks } from './bundle-tasks';
import { createImageCopy, type SignerFor } from './image-copy';

export const IMAGE_VIEWS = [
  'mine',
  'amazon',
  'executable',
  'public',
  'kernels',
  'ramdisks',
] as const;
export type ImageView = (typeof IMAGE_VIEWS)[number];

/** What each view asks the server for; filtering happens there, where the server can. */
export function imagesRequest(view: ImageView): DescribeImagesInput {
  switch (view) {
    case 'mine':
      return { owners: ['self'] };
    case 'amazon':
      return { owners: ['amazon'] };
    case 'executable':
      return { executableBy: ['self'] };
    case 'public':
      return { filters: [{ name: 'is-public', values: ['true'] }] };
    case 'kernels':
      return { filters: [{ name: 'image-type', values: ['kernel'] }] };
    case 'ramdisks':
      return { filters: [{ name: 'image-type', values: ['ramdisk'] }] };
  }
}

/** The text a search matches: id, name, location, description. */
export function searchText(image: Image): string {
  return `${image.imageId}\n${image.name}\n${image.imageLocation}\n${image.description}`;
}

export type ImagesDialog =
  | { kind: 'register'; location?: string }
  | { kind: 'copy'; image: Image }
  | { kind: 'deregister'; ids: string[] }
  | { kind: 'permissions'; imageId: string; permissions: LaunchPermissions | null }
  | { kind: 'launch'; image: Image }
  | { kind: 'tags'; ids: string[] };

export function createImagesModel(
  deps: ModelDeps,
  options: { pollMs?: number; signerFor?: SignerFor } = {},
) {
  const view = signal<ImageView>('mine');
  const list = createResourceList<Image>({
    fetch: ({ profile, signer }, onPage) =>
      ec2List(describeImages, profile, signer, imagesRequest(view.value), {
        // Rows show as the response arrives: all public images on AWS is about 70 MB of XML.
        stream: true,
        onPage,
      }),
    key: (i) => i.imageId,
  });
  const bundleTasks = createBundleTasks(options);
  const panel = createResourcePanel<ImagesDialog>(deps, [list, bundleTasks.list]);
  const search = createListSearch(list.rows, searchText, (image) => image.tags);

  /** Shows the launch permissions in the open permissions dialog, if it is still that image's. */
  function showIn(imageId: string, permissions: LaunchPermissions) {
    const open = panel.dialog.value;
    if (open?.kind === 'permissions' && open.imageId === imageId)
      panel.dialog.value = { ...open, permissions };
  }

  return {
    ...panel,
    view,
    list,
    search,
    bundles: { ...bundleTasks, ...bundleTaskActions(panel, bundleTasks) },
    copies: createImageCopy(panel, options.signerFor),
    tagging: createTagging(panel),
    setView(next: ImageView) {
      view.value = next;
      void list.load();
    },
    register: (input: RegisterImageInput) =>
      panel.act(async ({ profile, signer }) => {
        const imageId = await ec2Call(registerImage, profile, signer, input);
        return { key: 'imagesDone', args: [imageId] };
      }),
    deregister: (ids: string[]) =>
      panel.act(async ({ profile, signer }) => {
        for (const imageId of ids) await ec2Call(deregisterImage, profile, signer, { imageId });
        return { key: 'imagesDone', args: [ids.join(', ')] };
      }),
    async showPermissions(imageId: string) {
      panel.open({ kind: 'permissions', imageId, permissions: null });
      const current = panel.current();
      if (!current) return;
      try {
        showIn(
          imageId,
          await ec2Call(describeLaunchPermissions, current.profile, current.signer, { imageId }),
        );
      } catch (e) {
        panel.dialogError.value = asError(e);
      }
    },
    /** Changes launch permissions; the dialog stays open and shows the new state. */
    async changePermissions(
      imageId: string,
      change: Omit<ModifyLaunchPermissionsInput, 'imageId'>,
    ) {
      const current = panel.current();
      if (!current) return false;
      const { profile, signer } = current;
      panel.dialogError.value = null;
      try {
        await ec2Call(modifyLaunchPermissions, profile, signer, { imageId, ...change });
        showIn(imageId, await ec2Call(describeLaunchPermissions, profile, signer, { imageId }));
        // The visibility column follows.
        void list.load(true);
        return true;
      } catch (e) {
        panel.dialogError.value = asError(e);
        return false;
      }
    },
    dispose() {
      panel.dispose();
      search.dispose();
    },
  };
}

export type ImagesModel = ReturnType<typeof createImagesModel>;
